import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/env.js";
import type { Database } from "../../src/db/connect.js";
import { startTestBot } from "../support/bot.js";
import { openTestDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";

/**
 * Socket Mode opens its connection through the Web API (apps.connections.open) with the app
 * token. Without a real Slack we check the part that is ours: that call goes to SLACK_API_URL
 * with the app token, /healthz is served on PORT meanwhile, and a refusal stops start-up with
 * one line naming the variable instead of being swallowed.
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

  it("asks SLACK_API_URL for its connection with the app token, serves /healthz and /readyz on PORT, and stops naming SLACK_APP_TOKEN when refused", async () => {
    // Slack takes its time refusing, so /healthz can be asked meanwhile.
    fake.answer("apps.connections.open", () => ({ delayMs: 1500, body: { ok: false, error: "invalid_auth" } }));
    const port = await freePort();
    const starting = startTestBot(db, { fake, env: { SLACK_APP_TOKEN: "xapp-test-token", SLACK_SIGNING_SECRET: "", PORT: String(port) } });
    const refused = expect(starting).rejects.toThrow(ConfigError);
    const [call] = [await fake.waitFor((c) => c.method === "apps.connections.open")];
    expect(call?.headers.authorization).toBe("Bearer xapp-test-token");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "alive" });
    // /readyz too (a custom route in Socket Mode as in HTTP mode): auth.test answered, so Slack's part is ready.
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      components: { database: { ready: true }, slack: { ready: true, mode: "single", workspace: "T0001" }, mandates: { ready: true } },
    });
    await refused;
    await expect(starting).rejects.toThrow(/SLACK_APP_TOKEN was refused by Slack \(invalid_auth\)/);
    // Stopped on the way out: the port is free again.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it("stops naming SLACK_APP_TOKEN when Slack says the token was revoked (which Slack's Socket Mode client would retry for ever)", async () => {
    fake.answer("apps.connections.open", () => ({ body: { ok: false, error: "token_revoked" } }));
    const port = await freePort();
    const started = performance.now();
    const starting = startTestBot(db, {
      fake,
      env: { SLACK_APP_TOKEN: "xapp-revoked-token", SLACK_SIGNING_SECRET: "", PORT: String(port) },
    });
    await expect(starting).rejects.toThrow(ConfigError);
    await expect(starting).rejects.toThrow("SLACK_APP_TOKEN was refused by Slack (token_revoked)");
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
