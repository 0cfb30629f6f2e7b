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
    const code = slackErrorCode(error);
    if (code && BAD_TOKEN_CODES.has(code))
      throw new ConfigError(`SLACK_BOT_TOKEN was refused by Slack (${code}): copy the bot token of the installed app again.`);
    throw error;
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
