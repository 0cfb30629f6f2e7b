import { OperatorError } from "../config/env.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { RetryLater } from "../jobs/retry-later.js";
import type { Logger } from "../logging/logger.js";
import { type BotIdentity, identifyBot, TokenRefusedError } from "./auth.js";
import type { WebClients } from "./web-clients.js";

/** What the bot knows of its identity in its one workspace, for /readyz. */
export type IdentityStatus =
  /** `auth.test` answered: the identity is Slack's word. */
  | { state: "confirmed"; at: Date }
  /** Slack did not answer `auth.test`; the bot serves the workspace it served before and keeps asking. */
  | { state: "remembered"; since: Date; lastError: string }
  /** Slack refused SLACK_BOT_TOKEN while the bot ran (revoked, say): it needs the operator. */
  | { state: "refused"; code: string; at: Date };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A single-workspace bot's identity, learnt from its token with `auth.test` at start. When Slack
 * cannot be reached then (unreachable, 5xx, 429), a bot that has run before serves the one
 * workspace it knows at once and asks again in the background with back-off; a bot that never
 * ran cannot know whose committees to serve and stops with one line. A token Slack refuses is a
 * configuration error at start, and at run time logged (naming the variable) and reported by
 * /readyz, without stopping the bot.
 */
export class SingleWorkspaceIdentity {
  private constructor(
    /** Shared with Bolt's `authorize`: filled in place when Slack answers later. */
    readonly identity: BotIdentity,
    public status: IdentityStatus,
  ) {}

  static async establish(options: {
    clients: WebClients;
    botToken: string;
    /** The workspaces the database says this bot served before. */
    known: () => Promise<WorkspaceId[]>;
    retry: RetryLater;
    logger: Logger;
    clock: () => Date;
  }): Promise<SingleWorkspaceIdentity> {
    const { clients, botToken, known, retry, logger, clock } = options;
    try {
      return new SingleWorkspaceIdentity(await identifyBot(clients, botToken), { state: "confirmed", at: clock() });
    } catch (error) {
      if (error instanceof OperatorError) throw error;
      const served = await known();
      const [only] = served;
      if (served.length !== 1 || !only) {
        throw new OperatorError(
          `Slack could not be reached to learn which workspace SLACK_BOT_TOKEN belongs to (${describe(error)}). Start again once Slack can be reached (check SLACK_API_URL and the network).`,
        );
      }
      logger.warn(
        { err: error, workspace: only },
        "Slack did not answer auth.test: serving the workspace this bot served before, and asking again in the background",
      );
      const remembered = new SingleWorkspaceIdentity(
        { teamId: only, teamName: null, botUserId: "", botId: "" },
        { state: "remembered", since: clock(), lastError: describe(error) },
      );
      retry.runAfterFailure("auth.test", () => remembered.askAgain(clients, botToken, logger, clock), error);
      return remembered;
    }
  }

  /** One background `auth.test`; throws (to be tried again) while Slack does not answer. */
  private async askAgain(clients: WebClients, botToken: string, logger: Logger, clock: () => Date): Promise<void> {
    let found: BotIdentity;
    try {
      found = await identifyBot(clients, botToken);
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        // Refused, not unreachable: asking again will not help. Logged once, shown by /readyz.
        this.status = { state: "refused", code: error.code, at: clock() };
        logger.error({ workspace: this.identity.teamId }, error.message);
        return;
      }
      if (this.status.state === "remembered") this.status = { ...this.status, lastError: describe(error) };
      throw error;
    }
    if (found.teamId !== this.identity.teamId) {
      logger.error(
        { expected: this.identity.teamId, found: found.teamId },
        "SLACK_BOT_TOKEN now belongs to another workspace: restart the bot",
      );
      this.status = { state: "refused", code: "another_workspace", at: clock() };
      return;
    }
    Object.assign(this.identity, found);
    this.status = { state: "confirmed", at: clock() };
    logger.info({ workspace: found.teamId }, "Slack answered auth.test: the bot's identity is confirmed");
  }

  /** A call the bot made on its own was refused with this token (revoked while it ran). */
  refused(code: string, at: Date): void {
    this.status = { state: "refused", code, at };
  }
}
