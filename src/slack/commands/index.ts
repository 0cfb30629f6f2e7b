import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { runSafely } from "../../../commands/command.js";
import { COMMANDS } from "../../../commands/index.js";
import { MandatError } from "../../domain/errors.js";
import { faultReply, guarded, type ListenerDeps, render } from "../listener.js";
import { withinBudget } from "../reply-in-time.js";
import { postToResponseUrl } from "../response-url.js";

/**
 * The longest text after a slash command that is read. Slack's documentation (searched,
 * docs.slack.dev) names no limit for it, so this is the 4000 characters Slack advises for a
 * message; anything longer is refused before it is parsed, in the caller's language.
 */
export const MAX_COMMAND_TEXT = 4000;

/** Characters as people count them (code points), counted without copying a long string. */
function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // The second half of a surrogate pair belongs to the character before it.
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}

/**
 * Every slash command of commands/index.ts. The reply rides in the HTTP ack when it is ready
 * within the budget, else it goes to response_url when it is (tried again on 429 and 5xx).
 */
export function register(app: App, deps: ListenerDeps): void {
  const { services, clock, defaultLanguage, logger, replyBudgetMs } = deps;
  for (const command of COMMANDS) {
    app.command(
      command.name,
      guarded<SlackCommandMiddlewareArgs & AllMiddlewareArgs>(
        `command ${command.name}`,
        deps,
        async ({ command: payload, ack }) => {
          // Wall time, not the bot's clock: the response_url's 30 minutes are Slack's, in real time.
          const receivedAt = Date.now();
          // A client that leaves `text` out means an empty one (the request guard lets it through).
          const text = payload.text ?? "";
          const context = { caller: { workspaceId: payload.team_id, slackUserId: payload.user_id }, now: clock(), defaultLanguage };
          const length = characterCount(text);
          const run =
            length > MAX_COMMAND_TEXT
              ? runSafely(
                  async () => {
                    throw new MandatError("command_too_long", { max: MAX_COMMAND_TEXT, length });
                  },
                  context,
                  services,
                )
              : command.execute(text, context, services);
          const work = run
            .catch((error: unknown) => {
              logger.error({ err: error, command: command.name, user: payload.user_id, workspace: payload.team_id }, "a command failed");
              return faultReply(defaultLanguage);
            })
            .then((reply) => render(reply, logger, defaultLanguage));
          const timed = await withinBudget(work, replyBudgetMs);
          if (timed.inTime) {
            await ack({ response_type: "ephemeral", ...timed.value });
            return;
          }
          await ack();
          const message = { response_type: "ephemeral", ...(await timed.later) };
          const who = { command: command.name, user: payload.user_id, workspace: payload.team_id };
          if (!payload.response_url) {
            logger.error(who, "a late reply has nowhere to go: the request had no response_url");
            return;
          }
          const delivery = await postToResponseUrl(payload.response_url, message, { receivedAt });
          if (!delivery.delivered) {
            const { reason, attempts, status, error } = delivery;
            logger.error({ ...who, attempts, status, reason, err: error }, "could not deliver a late reply through response_url");
          } else if (delivery.attempts > 1) {
            logger.info({ ...who, attempts: delivery.attempts }, "a late reply reached response_url after retries");
          }
        },
        { faultInAck: true },
      ),
    );
  }
}
