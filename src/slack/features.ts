/**
 * What the app asks of Slack besides its slash commands (commands/index.ts). manifest.yml must
 * declare exactly this; tests/slack/manifest.test.ts compares them.
 */
export const BOT_SCOPES = [
  "commands",
  // users.lookupByEmail, to find roster members named by e-mail
  "users:read",
  "users:read.email",
] as const;

/** Events the app subscribes to (none yet: the App Home comes with its own issue). */
export const BOT_EVENTS: readonly string[] = [];

/** Buttons in replies (mandate sections, opening a committee) need interactivity. */
export const INTERACTIVITY = true;

/** Commands, interactivity and events all arrive here in HTTP mode. */
export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
