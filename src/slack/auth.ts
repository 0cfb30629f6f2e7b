import type { InstallationStore } from "@slack/bolt";
import { ConfigError } from "../config/env.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { TokenFor } from "./notifier.js";
import { slackErrorCode, type WebClients } from "./web-clients.js";

/** Who the bot is in its one workspace, as `auth.test` says. */
export interface BotIdentity {
  teamId: WorkspaceId;
  teamName: string | null;
  botUserId: string;
  botId: string;
}

/** Answers from auth.test that mean the token itself is wrong, not that Slack is having trouble. */
export const BAD_TOKEN_CODES: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "account_inactive",
  "token_expired",
]);

/** Slack refused a token the operator configured: one line naming the variable, and Slack's code. */
export class TokenRefusedError extends ConfigError {
  override name = "TokenRefusedError";
  constructor(
    readonly variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN",
    readonly code: string,
    advice: string,
  ) {
    super(`${variable} was refused by Slack (${code}): ${advice}`);
  }
}

/** Whether a failed Web API call means the token itself was refused (revoked, invalid), and Slack's code. */
export function refusedTokenCode(error: unknown): string | undefined {
  const code = slackErrorCode(error);
  return code && BAD_TOKEN_CODES.has(code) ? code : undefined;
}

/**
 * Learns the bot's workspace from its token. A token Slack refuses is a configuration error
 * naming the variable; any other failure (Slack unreachable) is thrown as it is.
 */
export async function identifyBot(clients: WebClients, botToken: string): Promise<BotIdentity> {
  try {
    const result = await clients.impatient(botToken).auth.test();
    if (!result.team_id || !result.user_id) throw new Error("auth.test answered without a team or user id");
    return { teamId: result.team_id, teamName: result.team ?? null, botUserId: result.user_id, botId: result.bot_id ?? "" };
  } catch (error) {
    const code = refusedTokenCode(error);
    if (code) throw new TokenRefusedError("SLACK_BOT_TOKEN", code, "copy the bot token of the installed app again.");
    throw error;
  }
}

/**
 * Whether Slack refuses the app-level token (Socket Mode), asked once with `apps.connections.open`.
 * Slack's Socket Mode client stops only on some refusals (invalid_auth, not_authed …) and retries
 * others, token_revoked among them, for ever without a word; this tells them apart. Slack not
 * answering is not a refusal: undefined.
 */
export async function appTokenRefusal(clients: WebClients, appToken: string): Promise<TokenRefusedError | undefined> {
  try {
    await clients.impatient(appToken).apps.connections.open();
    return undefined;
  } catch (error) {
    const code = refusedTokenCode(error);
    return code
      ? new TokenRefusedError("SLACK_APP_TOKEN", code, "create an app-level token with connections:write and copy it again.")
      : undefined;
  }
}

/** How the bot authenticates to each workspace. */
export type SlackAuth =
  | { kind: "single"; botToken: string; identity: BotIdentity }
  | { kind: "distributed"; clientId: string; clientSecret: string; stateSecret: string; installationStore: InstallationStore };

/** The bot token for a workspace: the one token of a single-workspace bot, or an installation's. */
export function tokenFor(auth: SlackAuth): TokenFor {
  if (auth.kind === "single") {
    return async (workspaceId) => {
      if (workspaceId !== auth.identity.teamId) throw new Error(`this bot serves workspace ${auth.identity.teamId}, not ${workspaceId}`);
      return auth.botToken;
    };
  }
  return async (workspaceId) => {
    const installation = await auth.installationStore.fetchInstallation({
      teamId: workspaceId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const token = installation.bot?.token;
    if (!token) throw new Error(`the installation in workspace ${workspaceId} has no bot token`);
    return token;
  };
}
