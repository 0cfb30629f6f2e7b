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

/**
 * Buttons under a mandate (one per section) and next to a committee in the list ("Open"):
 * either way the message is replaced by that part of the mandate, in the button's language.
 */
export function register(app: App, deps: ListenerDeps): void {
  const { services, clock, defaultLanguage, logger } = deps;
  const mandateButton = <V extends { committee: string; language: Language; version?: number | undefined }>(
    name: string,
    pattern: RegExp,
    schema: z.ZodType<V>,
    section: (value: V) => MandateSection | "summary",
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
            const input = {
              kind: "show",
              committee: value.committee,
              section: section(value),
              ...(value.version ? { version: value.version } : {}),
            } as const;
            reply = await runSafely(() => mandat.run(input, context, services), context, services).catch((error: unknown) => {
              logger.error({ err: error, action: name, user: body.user.id, workspace: workspaceId }, "a button failed");
              return faultReply(value.language);
            });
          }
          await respond({ replace_original: true, response_type: "ephemeral", ...render(reply, logger, defaultLanguage) });
        },
      ),
    );
  mandateButton("mandate section", ACTION_PATTERN.mandateSection, SectionButtonValue, (v) => v.section);
  mandateButton("open committee", ACTION_PATTERN.openCommittee, OpenButtonValue, () => "summary");

  /**
   * "Show more" under a list: the next page, as a new message under the one clicked (the page
   * before stays readable). The button carries the list as asked for and where the page ends.
   */
  const moreButton = <V extends { language: Language }>(
    name: string,
    pattern: RegExp,
    schema: z.ZodType<V>,
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
          await respond({ replace_original: false, response_type: "ephemeral", ...render(reply, logger, defaultLanguage) });
        },
      ),
    );
  moreButton("more deadlines", ACTION_PATTERN.moreDeadlines, MoreDeadlinesValue, (value, context) =>
    frist.run(
      { kind: "list", listing: value.listing, ...(value.committee ? { committee: value.committee } : {}), after: value.after },
      context,
      services,
    ),
  );
  moreButton("more committees", ACTION_PATTERN.moreCommittees, MoreCommitteesValue, (value, context) =>
    mandat.run({ kind: "list", offset: value.offset }, context, services),
  );
}
