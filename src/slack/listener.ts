import type { RespondFn } from "@slack/bolt";
import type { CommandServices } from "../../commands/context.js";
import type { Reply } from "../../commands/reply.js";
import { MandatError } from "../domain/errors.js";
import type { Language } from "../domain/language.js";
import type { Logger } from "../logging/logger.js";
import type { SlackMessage } from "./blocks/message.js";
import { replyMessage } from "./blocks/reply-blocks.js";

/** What every listener is given by the composition root. */
export interface ListenerDeps {
  services: CommandServices;
  /** The clock, read here at the edge and passed inward as `now`. */
  clock: () => Date;
  defaultLanguage: Language;
  logger: Logger;
  /** How long a slash command's reply may take to ride in the HTTP answer (default REPLY_BUDGET_MS). */
  replyBudgetMs?: number;
}

/** A fault (not a user error) still gets an answer; the details go to the log only. */
export function faultReply(language: Language): Reply {
  return { kind: "error", language, error: new MandatError("internal") };
}

/**
 * A reply as a Slack message. Rendering is part of the work that can fail: a reply that cannot
 * be rendered is logged and becomes the fault message, so the user is never left without one.
 */
export function render(reply: Reply, logger: Logger, fallback: Language): SlackMessage {
  try {
    return replyMessage(reply);
  } catch (error) {
    logger.error({ err: error, reply: reply.kind }, "could not render a reply");
    return replyMessage(faultReply(fallback));
  }
}

interface ListenerArgs {
  ack?: (response?: never) => Promise<void>;
  respond?: RespondFn;
}

/**
 * The one wrapper every listener runs in, so no failure goes unlogged or unanswered: whatever
 * throws (the work, rendering, `ack`, `respond`) is logged with the listener's name; a request
 * not yet acknowledged is acknowledged (a slash command with the fault message), and one
 * already acknowledged gets the fault message through response_url when it has one.
 */
export function guarded<A extends ListenerArgs>(
  name: string,
  deps: Pick<ListenerDeps, "logger" | "defaultLanguage">,
  handler: (args: A) => Promise<void>,
  options: { faultInAck: boolean } = { faultInAck: false },
): (args: A) => Promise<void> {
  const { logger, defaultLanguage } = deps;
  return async (args) => {
    let acked = false;
    const original = args.ack;
    const countedAck = (response?: never) => {
      acked = true;
      return original ? original(response) : Promise.resolve();
    };
    const tracked = original ? { ...args, ack: countedAck } : args;
    try {
      // Same arguments, with `ack` counted; the handler cannot tell the difference.
      await handler(tracked as A);
    } catch (error) {
      logger.error({ err: error, listener: name }, "a Slack listener failed");
      const fault = { response_type: "ephemeral" as const, ...replyMessage(faultReply(defaultLanguage)) };
      try {
        if (original && !acked && options.faultInAck) {
          await original(fault as never);
        } else {
          // A button or event: acknowledge first (Slack only waits 3 s), then say it through response_url.
          if (original && !acked) await original();
          if (args.respond) await args.respond(fault);
        }
      } catch (answerError) {
        logger.error({ err: answerError, listener: name }, "could not tell the user that something went wrong");
      }
    }
  };
}
