import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logging/logger.js";
import { HEALTH_PATH, READY_PATH } from "./features.js";

/** One part of the bot, as /readyz reports it: ready or not, and what an operator needs to know. */
export interface ComponentReadiness {
  ready: boolean;
  [detail: string]: unknown;
}

/** What /readyz answers: each component, and whether all of them are ready. */
export interface Readiness {
  database: ComponentReadiness;
  slack: ComponentReadiness;
  mandates: ComponentReadiness;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/**
 * GET /healthz: alive. 200 for as long as the process runs and its event loop answers; it asks
 * nothing of the database or Slack, so an outage of either never gets the bot restarted.
 * GET /readyz: 200 when every component is ready, else 503; the JSON says per component what is
 * and is not (the database answers a query; Slack confirmed the bot's identity, or has
 * installations; the last import refused no mandate file). Commands are answered while Slack is
 * down all the same: route traffic on /healthz, alert on /readyz.
 */
export function healthRoutes(readiness: () => Promise<Readiness>, logger: Logger) {
  return [
    {
      path: HEALTH_PATH,
      method: ["GET"],
      handler: (_req: IncomingMessage, res: ServerResponse) => json(res, 200, { status: "alive" }),
    },
    {
      path: READY_PATH,
      method: ["GET"],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        readiness().then(
          (components) => {
            const ready = Object.values(components).every((c) => c.ready);
            json(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", components });
          },
          (error: unknown) => {
            logger.error({ err: error }, "could not tell readiness");
            json(res, 503, { status: "not ready", error: "readiness could not be determined; see the log" });
          },
        );
      },
    },
  ];
}
