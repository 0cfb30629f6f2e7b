import type { App } from "@slack/bolt";
import type { z } from "zod";
import { runSafely } from "../../commands/command.js";
import type { CommandContext, CommandServices } from "../../commands/context.js";
import { COMMANDS } from "../../commands/index.js";
import { mandat } from "../../commands/mandat.js";
import type { Reply } from "../../commands/reply.js";
import { MandatError } from "../domain/errors.js";
import type { Language } from "../domain/language.js";
import type { MandateSection } from "../domain/mandate.js";
import { replyMessage } from "./blocks/reply-blocks.js";
import { ACTION_PATTERN, OpenButtonValue, parseButtonValue, SectionButtonValue } from "./ids.js";
import { withinBudget } from "./reply-in-time.js";

export interface ListenerDeps {
  services: CommandServices;
  /** The clock, read here at the edge and passed inward as `now`. */
  clock: () => Date;
  defaultLanguage: Language;
}

/** A fault (not a user error) still gets an answer; the details go to the log only. */
function faultReply(language: Language): Reply {
  return { kind: "error", language, error: new MandatError("internal") };
}

/** Registers every slash command (commands/index.ts) and every button action. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { services, clock, defaultLanguage } = deps;

  for (const command of COMMANDS) {
    app.command(command.name, async ({ command: payload, ack, respond, logger }) => {
      const context: CommandContext = { caller: { slackUserId: payload.user_id }, now: clock(), defaultLanguage };
      const work = command.execute(payload.text, context, services).catch((error: unknown) => {
        logger.error(`${command.name} failed`, error);
        return faultReply(defaultLanguage);
      });
      const timed = await withinBudget(work);
      if (timed.inTime) {
        await ack({ response_type: "ephemeral", ...replyMessage(timed.value) });
        return;
      }
      await ack();
      await respond({ response_type: "ephemeral", ...replyMessage(await timed.later) });
    });
  }

  // Buttons under a mandate (one per section) and next to a committee in the list ("Open"):
  // either way the message is replaced by that part of the mandate.
  const mandateButton = <V extends { committee: string; language: Language; version?: number | undefined }>(
    pattern: RegExp,
    schema: z.ZodType<V>,
    section: (value: V) => MandateSection | "summary",
  ) =>
    app.action(pattern, async ({ ack, action, body, respond, logger }) => {
      await ack();
      const value = action.type === "button" ? parseButtonValue(schema, action.value) : undefined;
      let reply: Reply;
      if (!value) {
        reply = { kind: "error", language: defaultLanguage, error: new MandatError("stale_button") };
      } else {
        const context: CommandContext = { caller: { slackUserId: body.user.id }, now: clock(), defaultLanguage, language: value.language };
        const input = {
          kind: "show",
          committee: value.committee,
          section: section(value),
          ...(value.version ? { version: value.version } : {}),
        } as const;
        reply = await runSafely(() => mandat.run(input, context, services), context, services).catch((error: unknown) => {
          logger.error("mandate button failed", error);
          return faultReply(value.language);
        });
      }
      await respond({ replace_original: true, response_type: "ephemeral", ...replyMessage(reply) });
    });
  mandateButton(ACTION_PATTERN.mandateSection, SectionButtonValue, (v) => v.section);
  mandateButton(ACTION_PATTERN.openCommittee, OpenButtonValue, () => "summary");
}
