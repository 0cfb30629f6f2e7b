import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { WorkspaceId } from "../../domain/workspace.js";
import { guarded, type ListenerDeps } from "../listener.js";

/** Every Events API event the app subscribes to; manifest.yml must list exactly these (a test checks). */
export const EVENTS = ["app_uninstalled", "tokens_revoked", "channel_rename", "group_rename"] as const;

export interface EventDeps extends Pick<ListenerDeps, "logger" | "defaultLanguage"> {
  /**
   * The app is gone from a workspace (uninstalled, or its bot token revoked), as Slack said at
   * `at` (the event's time). Idempotent: events are retried, possibly after the app was installed again.
   */
  uninstalled(workspaceId: WorkspaceId, at: Date | undefined): Promise<void>;
  /** A channel of the workspace was renamed: mandate files name channels by name. */
  channelRenamed(workspaceId: WorkspaceId): Promise<void>;
}

type EventArgs<E extends (typeof EVENTS)[number]> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/** When Slack says the event happened (the envelope's `event_time`, in seconds). */
function eventTime(body: { event_time?: number }): Date | undefined {
  return typeof body.event_time === "number" && Number.isFinite(body.event_time) ? new Date(body.event_time * 1000) : undefined;
}

export function register(app: App, deps: EventDeps): void {
  app.event(
    "app_uninstalled",
    guarded<EventArgs<"app_uninstalled">>("event app_uninstalled", deps, async ({ body }) => {
      await deps.uninstalled(body.team_id, eventTime(body));
    }),
  );
  app.event(
    "tokens_revoked",
    guarded<EventArgs<"tokens_revoked">>("event tokens_revoked", deps, async ({ event, body }) => {
      // Revoked user tokens do not concern the bot; a revoked bot token is an uninstall.
      if ((event.tokens.bot ?? []).length > 0) await deps.uninstalled(body.team_id, eventTime(body));
    }),
  );
  for (const name of ["channel_rename", "group_rename"] as const) {
    app.event(
      name,
      guarded<EventArgs<typeof name>>(`event ${name}`, deps, async ({ body }) => {
        await deps.channelRenamed(body.team_id);
      }),
    );
  }
}
