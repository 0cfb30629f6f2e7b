import { createServer } from "node:net";
import { LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { createServices } from "../../src/services/create-services.js";
import { createSlackApp } from "../../src/slack/app.js";
import { openTestDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";

/** A port nothing listens on right now (Socket Mode's HTTP server does not report the one it got). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== "object") throw new Error("no port");
  return address.port;
}

/**
 * Socket Mode opens its connection through the Web API (apps.connections.open) with the app
 * token. Without a real Slack we check the part that is ours: that call goes to SLACK_API_URL
 * with the app token, and a refusal stops start-up instead of being swallowed.
 */
describe("Socket Mode", () => {
  let db: Database;
  const fake = new FakeSlack();

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    await db?.close();
  });

  it("asks SLACK_API_URL for its connection with the app token, fails loudly when refused, and serves /healthz on PORT", async () => {
    fake.answer("apps.connections.open", () => ({ body: { ok: false, error: "invalid_auth" } }));
    const port = await freePort();
    const slack = createSlackApp({
      connection: { mode: "socket", botToken: "xoxb-test-token", appToken: "xapp-test-token" },
      port,
      apiUrl: fake.apiUrl,
      services: createServices(db.prisma),
      clock: () => new Date("2026-11-23T09:00:00Z"),
      defaultLanguage: "en",
      health: async () => ({ ok: true, database: db.kind }),
      logLevel: LogLevel.ERROR,
    });
    await expect(slack.start()).rejects.toThrow(/invalid_auth/);
    const [call] = fake.callsTo("apps.connections.open");
    expect(call?.headers.authorization).toBe("Bearer xapp-test-token");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
    await slack.stop().catch(() => undefined);
  });
});
