import { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import type { SlackConnection } from "../config/env.js";
import type { UserLookup } from "../services/roster-resolver.js";
import { EVENTS_PATH, HEALTH_PATH } from "./features.js";
import { type ListenerDeps, registerListeners } from "./listeners.js";

export interface SlackAppOptions extends ListenerDeps {
  connection: Exclude<SlackConnection, { mode: "none" }>;
  /** HTTP port: Slack's requests in HTTP mode, and /healthz in both modes. */
  port: number;
  /** Another Web API base URL (SLACK_API_URL): a proxy, or the tests' fake Slack. */
  apiUrl?: string | undefined;
  /** Answers GET /healthz: whether the database answers, and which one it is. */
  health: () => Promise<{ ok: boolean; database: string }>;
  logLevel?: LogLevel;
}

export interface SlackApp {
  app: App;
  lookupUserByEmail: UserLookup;
  /** Starts listening; resolves to the HTTP port in HTTP mode (useful with port 0). */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** The Bolt app: HTTP receiver (or Socket Mode), our listeners, and the health route. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { connection, port, apiUrl, health } = options;
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {};
  const customRoutes = [
    {
      path: HEALTH_PATH,
      method: ["GET"],
      handler: (_req: unknown, res: import("node:http").ServerResponse) => {
        health()
          .catch(() => ({ ok: false, database: "unknown" }))
          .then((state) => {
            res.writeHead(state.ok ? 200 : 503, { "content-type": "application/json" });
            res.end(JSON.stringify({ status: state.ok ? "ok" : "unavailable", database: state.database }));
          });
      },
    },
  ];
  const app =
    connection.mode === "socket"
      ? new App({
          token: connection.botToken,
          appToken: connection.appToken,
          socketMode: true,
          port,
          customRoutes,
          clientOptions,
          logLevel: options.logLevel ?? LogLevel.INFO,
        })
      : new App({
          token: connection.botToken,
          signingSecret: connection.signingSecret,
          endpoints: EVENTS_PATH,
          port,
          customRoutes,
          clientOptions,
          logLevel: options.logLevel ?? LogLevel.INFO,
        });
  registerListeners(app, options);
  return {
    app,
    async lookupUserByEmail(email) {
      try {
        const result = await app.client.users.lookupByEmail({ email });
        return result.user?.id;
      } catch (error) {
        // users_not_found is an answer, not a fault: that person is not in the workspace.
        if ((error as { data?: { error?: string } }).data?.error === "users_not_found") return undefined;
        throw error;
      }
    },
    async start() {
      const server = await app.start(port);
      const address = server instanceof Server ? server.address() : null;
      return address && typeof address === "object" ? address.port : undefined;
    },
    async stop() {
      await app.stop();
    },
  };
}
