import { EVENTS } from "./events/index.js";

/**
 * What the app asks of Slack besides its slash commands (commands/index.ts). manifest.yml must
 * declare exactly this; tests/slack/manifest.test.ts compares them.
 */
export const BOT_SCOPES = [
  "commands",
  // users.lookupByEmail, to find roster members named by e-mail
  "users:read",
  "users:read.email",
  // conversations.list, to find the channels mandate files name (and their rename events)
  "channels:read",
  "groups:read",
  // Notifier.post / update / ephemeral
  "chat:write",
  // Notifier.directMessage (conversations.open)
  "im:write",
  // Notifier.history (conversations.history)
  "channels:history",
  "groups:history",
] as const;

/** Events the app subscribes to: src/slack/events registers exactly these. */
export const BOT_EVENTS: readonly string[] = EVENTS;

/** Buttons in replies (mandate sections, opening a committee) need interactivity. */
export const INTERACTIVITY = true;

/** Commands, interactivity and events all arrive here in HTTP mode. */
export const EVENTS_PATH = "/slack/events";
/** Alive (200 while the process runs), and ready (200 or 503, per component): src/slack/health.ts. */
export const HEALTH_PATH = "/healthz";
export const READY_PATH = "/readyz";
/** A distributed app's OAuth flow (SLACK_CLIENT_ID …): where a workspace admin starts it, and where Slack returns. */
export const INSTALL_PATH = "/slack/install";
export const OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";
