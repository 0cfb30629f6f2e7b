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

/**
 * How long a bot that ran before waits at start for `auth.test` before it serves the workspace
 * it knows: Slack answers in a few hundred milliseconds when it is up; a Slack that hangs must
 * not keep every command unanswered for the seconds WebClient takes to give up.
 */
export const START_BUDGET_MS = 1_500;

/** The promise's value if it settles within `ms`, else undefined (it goes on in the background). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

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
    /** How long a bot that ran before waits for Slack's answer before it serves what it knows. */
    budgetMs?: number;
  }): Promise<SingleWorkspaceIdentity> {
    const { clients, botToken, known, retry, logger, clock } = options;
    const asking = identifyBot(clients, botToken).then(
      (identity) => ({ ok: true as const, identity }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const served = await known();
    const [only] = served;
    // A bot that never ran must hear Slack's answer, however long it takes (WebClient gives up
    // within seconds); one that ran before waits a moment, then serves what it knows.
    const answer = served.length === 1 && only ? await within(asking, options.budgetMs ?? START_BUDGET_MS) : await asking;
    if (answer?.ok) return new SingleWorkspaceIdentity(answer.identity, { state: "confirmed", at: clock() });
    if (answer && answer.error instanceof OperatorError) throw answer.error;
    if (served.length !== 1 || !only) {
      throw new OperatorError(
        `Slack could not be reached to learn which workspace SLACK_BOT_TOKEN belongs to (${describe(answer?.error)}). Start again once Slack can be reached (check SLACK_API_URL and the network).`,
      );
    }
    const lastError = answer ? describe(answer.error) : `no answer within ${options.budgetMs ?? START_BUDGET_MS} ms`;
    logger.warn(
      { err: answer?.error, workspace: only, lastError },
      "Slack did not answer auth.test: serving the workspace this bot served before, and asking again in the background",
    );
    const remembered = new SingleWorkspaceIdentity(
      { teamId: only, teamName: null, botUserId: "", botId: "" },
      { state: "remembered", since: clock(), lastError },
    );
    const again = () => remembered.askAgain(clients, botToken, logger, clock);
    if (answer) retry.runAfterFailure("auth.test", again, answer.error);
    else {
      // Still asking: its answer counts, and a failure is tried again with back-off.
      void asking.then((late) => {
        if (late.ok) remembered.confirm(late.identity, logger, clock);
        else if (late.error instanceof TokenRefusedError) remembered.refuse(late.error, logger, clock);
        else retry.runAfterFailure("auth.test", again, late.error);
      });
    }
    return remembered;
  }

  /** One background `auth.test`; throws (to be tried again) while Slack does not answer. */
  private async askAgain(clients: WebClients, botToken: string, logger: Logger, clock: () => Date): Promise<void> {
    let found: BotIdentity;
    try {
      found = await identifyBot(clients, botToken);
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        // Refused, not unreachable: asking again will not help.
        this.refuse(error, logger, clock);
        return;
      }
      if (this.status.state === "remembered") this.status = { ...this.status, lastError: describe(error) };
      throw error;
    }
    this.confirm(found, logger, clock);
  }

  /** Slack answered auth.test late: the identity is confirmed, unless the token now belongs elsewhere. */
  private confirm(found: BotIdentity, logger: Logger, clock: () => Date): void {
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

  /** Logged once (naming the variable), shown by /readyz. */
  private refuse(error: TokenRefusedError, logger: Logger, clock: () => Date): void {
    this.status = { state: "refused", code: error.code, at: clock() };
    logger.error({ workspace: this.identity.teamId }, error.message);
  }

  /** A call the bot made on its own was refused with this token (revoked while it ran). */
  refused(code: string, at: Date): void {
    this.status = { state: "refused", code, at };
  }
}
