import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { importMandates, type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { ODD_BODIES } from "../support/odd-bodies.js";
import { MANDATES_DIR } from "../support/paths.js";
import { postSigned, postSignedRaw, slashCommandForm } from "../support/slack-request.js";

/**
 * Correctly signed bodies that Slack would not send, against the real bot over HTTP. Before the
 * request guard, Bolt 5.1 threw outside any handler on `payload=null` and a JSON `null` (no
 * answer, an unhandled rejection that vitest reports), answered 500 to a block_actions payload
 * without `user`, and 404 after 3 s to a body of unknown type. Each must now be answered at once
 * with a 200 or a 4xx, and the bot must keep answering.
 */

const NOW = new Date("2026-11-23T09:00:00Z");

describe("odd but correctly signed bodies", () => {
  const logger = new CaptureLogger();
  let db: Database;
  let bot: RunningBot;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    bot = await startTestBot(db, { clock: () => NOW, logger });
    await importMandates(bot, [MANDATES_DIR], NOW);
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });

  it.each(ODD_BODIES.map((c) => [c.label, c] as const))("%s: answered at once with the status expected, never 5xx", async (_label, odd) => {
    const res = await postSignedRaw(bot.eventsUrl, odd.body, odd.contentType, { timeoutMs: 5000 });
    expect(res.status).toBe(odd.status);
    // Bolt gives up on an unacknowledged request after 3 s; these are answered well before.
    expect(res.ms).toBeLessThan(2000);
    if (odd.replies) {
      const plain = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "" }));
      expect(res.json?.response_type).toBe("ephemeral");
      expect(res.json?.blocks).toEqual(plain.json?.blocks);
    }
  });

  it("says in the log why each refused body was refused, at warn", () => {
    const refusals = logger.at("warn").filter((e) => e.msg.startsWith("answered 4"));
    expect(refusals.map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        "answered 400 without handling it: payload: (body): Invalid input: expected object, received null",
        "answered 400 without handling it: block_actions: user: Invalid input: expected object, received undefined",
        'answered 415 without handling it: content type "text/plain"; Slack sends a form or JSON',
      ]),
    );
    // Nothing reached Bolt's last-resort handler: the guard let no unreadable body through.
    expect(logger.at("error").map((e) => e.msg)).toEqual([]);
  });

  it("still answers a plain /mandat and /healthz afterwards", async () => {
    const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });

  it.each([
    ["payload=null", "application/x-www-form-urlencoded", "payload=null"],
    ["a JSON null", "application/json", "null"],
    ["a slash command without text", "application/x-www-form-urlencoded", "command=%2Fmandat&team_id=T0001&user_id=U1"],
  ])("%s signed with another secret is refused with 401 before its body is looked at", async (_label, contentType, body) => {
    const res = await postSignedRaw(bot.eventsUrl, body, contentType, { secret: "not-the-secret", timeoutMs: 5000 });
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
  });

  it("answers Slack's unsigned certificate check (ssl_check=1) with 200, as Bolt does", async () => {
    const res = await postSignedRaw(bot.eventsUrl, "ssl_check=1&token=x", "application/x-www-form-urlencoded", { signature: null });
    expect(res.status).toBe(200);
  });

  it("answers a signed url_verification with its challenge", async () => {
    const body = JSON.stringify({ type: "url_verification", token: "x", challenge: "c-3f9a" });
    const res = await postSignedRaw(bot.eventsUrl, body, "application/json");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: "c-3f9a" });
  });

  it("answers a slash command from an unknown path with 404, as before", async () => {
    const res = await postSigned(`${bot.baseUrl}/slack/other`, slashCommandForm({ command: "/mandat", text: "" }));
    expect(res.status).toBe(404);
  });
});
