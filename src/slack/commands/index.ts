import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { COMMANDS } from "../../../commands/index.js";
import { faultReply, guarded, type ListenerDeps, render } from "../listener.js";
import { withinBudget } from "../reply-in-time.js";

/**
 * Every slash command of commands/index.ts. The reply rides in the HTTP ack when it is ready
 * within the budget, else it goes to response_url when it is.
 */
export function register(app: App, deps: ListenerDeps): void {
  const { services, clock, defaultLanguage, logger } = deps;
  for (const command of COMMANDS) {
    app.command(
      command.name,
      guarded<SlackCommandMiddlewareArgs & AllMiddlewareArgs>(
        `command ${command.name}`,
        deps,
        async ({ command: payload, ack, respond }) => {
          // A client that leaves `text` out means an empty one (the request guard lets it through).
          const text = payload.text ?? "";
          const context = { caller: { workspaceId: payload.team_id, slackUserId: payload.user_id }, now: clock(), defaultLanguage };
          const work = command
            .execute(text, context, services)
            .catch((error: unknown) => {
              logger.error({ err: error, command: command.name, user: payload.user_id, workspace: payload.team_id }, "a command failed");
              return faultReply(defaultLanguage);
            })
            .then((reply) => render(reply, logger, defaultLanguage));
          const timed = await withinBudget(work);
          if (timed.inTime) {
            await ack({ response_type: "ephemeral", ...timed.value });
            return;
          }
          await ack();
          await respond({ response_type: "ephemeral", ...(await timed.later) });
        },
        { faultInAck: true },
      ),
    );
  }
}
