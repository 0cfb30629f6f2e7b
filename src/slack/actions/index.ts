import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { z } from "zod";
import { runSafely } from "../../../commands/command.js";
import type { CommandContext } from "../../../commands/context.js";
import { frist } from "../../../commands/frist.js";
import { mandat } from "../../../commands/mandat.js";
import type { Reply } from "../../../commands/reply.js";
import { MandatError } from "../../domain/errors.js";
import type { Language } from "../../domain/language.js";
import type { MandateSection } from "../../domain/mandate.js";
import { ACTION_PATTERN, MoreCommitteesValue, MoreDeadlinesValue, OpenButtonValue, parseButtonValue, SectionButtonValue } from "../ids.js";
import { faultReply, guarded, type ListenerDeps, render } from "../listener.js";

/** The workspace a click came from. */
function workspaceOf(body: BlockAction): string | undefined {
  return body.team?.id ?? body.user.team_id;
}

/** The buttons of the bot's messages: a mandate's parts, "Open" in the list, and "Show more" under long lists. */
export function register(app: App, deps: ListenerDeps): void {
  const { services, clock, defaultLanguage, logger } = deps;
  /**
   * A button: its value parsed (a forged or outdated one is a stale button), the command run as
   * the person who clicked, in the button's language, and the answer sent to its response_url,
   * replacing the message clicked or as a new one under it.
   */
  const button = <V extends { language: Language }>(
    name: string,
    pattern: RegExp,
    schema: z.ZodType<V>,
    answer: "replace" | "add",
    run: (value: V, context: CommandContext) => Promise<Reply>,
  ) =>
    app.action<BlockAction>(
      pattern,
      guarded<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs>(
        `action ${name}`,
        deps,
        async ({ ack, action, body, respond }) => {
          await ack();
          const value = action.type === "button" ? parseButtonValue(schema, action.value) : undefined;
          const workspaceId = workspaceOf(body);
          let reply: Reply;
          if (!value || !workspaceId) {
            reply = { kind: "error", language: value?.language ?? defaultLanguage, error: new MandatError("stale_button") };
          } else {
            const context: CommandContext = {
              caller: { workspaceId, slackUserId: body.user.id },
              now: clock(),
              defaultLanguage,
              language: value.language,
            };
            reply = await runSafely(() => run(value, context), context, services).catch((error: unknown) => {
              logger.error({ err: error, action: name, user: body.user.id, workspace: workspaceId }, "a button failed");
              return faultReply(value.language);
            });
          }
          await respond({ replace_original: answer === "replace", response_type: "ephemeral", ...render(reply, logger, defaultLanguage) });
        },
      ),
    );

  // Under a mandate (one per section) and next to a committee in the list ("Open"): the message
  // is replaced by that part of the mandate.
  const showMandate = (
    value: { committee: string; version?: number | undefined },
    section: MandateSection | "summary",
    context: CommandContext,
  ) =>
    mandat.run(
      { kind: "show", committee: value.committee, section, ...(value.version ? { version: value.version } : {}) },
      context,
      services,
    );
  button("mandate section", ACTION_PATTERN.mandateSection, SectionButtonValue, "replace", (value, context) =>
    showMandate(value, value.section, context),
  );
  button("open committee", ACTION_PATTERN.openCommittee, OpenButtonValue, "replace", (value, context) =>
    showMandate(value, "summary", context),
  );

  // "Show more" under a list: the next page as a new message under the one clicked (the page
  // before stays readable). The button carries the list as asked for and where the page ends.
  button("more deadlines", ACTION_PATTERN.moreDeadlines, MoreDeadlinesValue, "add", (value, context) =>
    frist.run(
      { kind: "list", listing: value.listing, ...(value.committee ? { committee: value.committee } : {}), after: value.after },
      context,
      services,
    ),
  );
  button("more committees", ACTION_PATTERN.moreCommittees, MoreCommitteesValue, "add", (value, context) =>
    mandat.run({ kind: "list", offset: value.offset }, context, services),
  );
}
