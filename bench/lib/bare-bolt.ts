// The yardstick of issue 8: a bare Bolt app on the same kind of receiver as the bot (Bolt's
// HTTPReceiver, signature checked), with one workspace authorised by a constant, that acks
// /frist and /mandat with a constant message. What is left of a reply time after subtracting
// this app's is Mandat's own work.
//
//   PORT=3001 node --import tsx bench/lib/bare-bolt.ts   (as a process, for its RSS)
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { SIGNING_SECRET } from "../../tests/support/slack-request.js";

const CONSTANT = {
  response_type: "ephemeral",
  text: "ok",
  blocks: [{ type: "section", text: { type: "mrkdwn", text: "ok" } }],
} as const;

export interface BareBolt {
  eventsUrl: string;
  stop(): Promise<void>;
}

export async function startBareBolt(port = 0): Promise<BareBolt> {
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: "/slack/events",
    logLevel: LogLevel.ERROR,
    // Only so that a spawned bare app can be waited for as the bot is; never timed.
    customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.writeHead(200).end("alive") }],
  });
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    authorize: async () => ({ botToken: "xoxb-test-token", botId: "BBOT", botUserId: "UBOT", teamId: "T0001" }),
  });
  for (const command of ["/frist", "/mandat"]) app.command(command, async ({ ack }) => ack(CONSTANT));
  const server = (await app.start(port)) as Server;
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the bare Bolt app has no port");
  return {
    eventsUrl: `http://127.0.0.1:${address.port}/slack/events`,
    stop: () => app.stop().then(() => undefined),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bare = await startBareBolt(Number(process.env.PORT ?? 3000));
  process.once("SIGTERM", () => void bare.stop().then(() => process.exit(0)));
}
