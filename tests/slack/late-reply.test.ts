import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { messages } from "../../src/i18n/index.js";
import { postToResponseUrl, RESPONSE_URL_LIFETIME_MS, RESPONSE_URL_USES } from "../../src/slack/response-url.js";
import { importMandates, type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";
import { MANDATES_DIR } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * A slash command's reply that is not ready within the budget goes to response_url, which Slack
 * may answer 429 (with Retry-After) or 5xx. It is tried again within response_url's limits
 * (5 posts, 30 minutes); what still fails is logged with the command and the user.
 */

const NOW = new Date("2026-11-23T09:00:00Z");

describe("postToResponseUrl against the fake Slack", () => {
  const fake = new FakeSlack();
  let urls = 0;
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  /** A fresh response_url answered by `answers` in turn (the last one repeats); waits are recorded, not slept. */
  function scripted(answers: { status: number; headers?: Record<string, string> }[]) {
    const id = `unit-${++urls}`;
    fake.answer(`response_url:${id}`, (_body, attempt) => {
      const answer = answers[Math.min(attempt, answers.length) - 1] ?? { status: 200 };
      return { status: answer.status, headers: answer.headers ?? {}, body: { ok: answer.status < 400 } };
    });
    const waits: number[] = [];
    return {
      url: fake.responseUrl(id),
      calls: () => fake.callsTo(`response_url:${id}`),
      waits,
      sleep: async (ms: number) => waits.push(ms),
    };
  }

  const message = { response_type: "ephemeral", text: "late reply" };

  it("a 429 waits for its Retry-After, then delivers", async () => {
    const s = scripted([{ status: 429, headers: { "retry-after": "7" } }, { status: 200 }]);
    const delivery = await postToResponseUrl(s.url, message, { receivedAt: Date.now(), sleep: s.sleep });
    expect(delivery).toEqual({ delivered: true, attempts: 2 });
    expect(s.waits).toEqual([7000]);
    expect(s.calls().map((c) => c.body)).toEqual([message, message]);
  });

  it("a 429 without a readable Retry-After waits a second; an HTTP date is read as one", async () => {
    const bare = scripted([{ status: 429 }, { status: 429, headers: { "retry-after": "soon" } }, { status: 200 }]);
    expect(await postToResponseUrl(bare.url, message, { receivedAt: Date.now(), sleep: bare.sleep })).toEqual({
      delivered: true,
      attempts: 3,
    });
    expect(bare.waits).toEqual([1000, 1000]);
    const now = Date.parse("2026-11-23T09:00:00Z");
    const dated = scripted([{ status: 429, headers: { "retry-after": "Mon, 23 Nov 2026 09:00:30 GMT" } }, { status: 200 }]);
    await postToResponseUrl(dated.url, message, { receivedAt: now, now: () => now, sleep: dated.sleep });
    expect(dated.waits).toEqual([30_000]);
  });

  it("5xx is tried again after 1, 2, 4 s", async () => {
    const s = scripted([{ status: 500 }, { status: 502 }, { status: 503 }, { status: 200 }]);
    expect(await postToResponseUrl(s.url, message, { receivedAt: Date.now(), sleep: s.sleep })).toEqual({ delivered: true, attempts: 4 });
    expect(s.waits).toEqual([1000, 2000, 4000]);
  });

  it(`never posts more than ${RESPONSE_URL_USES} times: five 500s and it gives up, saying so`, async () => {
    const s = scripted([{ status: 500 }]);
    const delivery = await postToResponseUrl(s.url, message, { receivedAt: Date.now(), sleep: s.sleep });
    expect(delivery).toMatchObject({ delivered: false, attempts: 5, status: 500 });
    expect(s.calls()).toHaveLength(5);
    expect(s.waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it("another 4xx (an expired or unknown response_url) is not tried again", async () => {
    const s = scripted([{ status: 404 }]);
    expect(await postToResponseUrl(s.url, message, { receivedAt: Date.now(), sleep: s.sleep })).toMatchObject({
      delivered: false,
      attempts: 1,
      status: 404,
    });
    expect(s.calls()).toHaveLength(1);
  });

  it("does not wait past the response_url's 30 minutes", async () => {
    const s = scripted([{ status: 429, headers: { "retry-after": "120" } }, { status: 200 }]);
    const receivedAt = Date.now() - RESPONSE_URL_LIFETIME_MS + 60_000;
    const delivery = await postToResponseUrl(s.url, message, { receivedAt, sleep: s.sleep });
    expect(delivery).toMatchObject({ delivered: false, attempts: 1, status: 429 });
    expect(s.waits).toEqual([]);
  });

  it("a response_url nobody answers (connection refused) is tried again, then given up with the error", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/respond/x`;
    const waits: number[] = [];
    const delivery = await postToResponseUrl(closed, message, { receivedAt: Date.now(), sleep: async (ms) => waits.push(ms) });
    expect(delivery).toMatchObject({ delivered: false, attempts: 5 });
    expect(delivery.delivered ? undefined : delivery.error).toBeInstanceOf(Error);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe("the late path through the real bot (every reply late: budget 0)", () => {
  const logger = new CaptureLogger();
  let db: Database;
  let bot: RunningBot;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    bot = await startTestBot(db, { clock: () => NOW, logger, replyBudgetMs: 0 });
    await importMandates(bot, [MANDATES_DIR], NOW);
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });

  const command = (id: string) =>
    postSigned(
      bot.eventsUrl,
      slashCommandForm({ command: "/mandat", text: "norprem", user_id: "U0LATE", response_url: bot.fake.responseUrl(id) }),
    );

  it("answers 200 at once without the reply, which reaches response_url after a 429 and its Retry-After", async () => {
    bot.fake.answer("response_url:rate-limited", (_body, attempt) =>
      attempt === 1 ? { status: 429, headers: { "retry-after": "1" }, body: { ok: false } } : { body: { ok: true } },
    );
    const started = performance.now();
    const ack = await command("rate-limited");
    expect(ack.status).toBe(200);
    expect(ack.text).toBe("");
    const delivered = await bot.fake.waitFor((c) => c.method === "response_url:rate-limited" && bot.fake.callsTo(c.method).length === 2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(delivered.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(delivered.body.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
    expect(bot.fake.callsTo("response_url:rate-limited")).toHaveLength(2);
  });

  it("a 503 is tried again and the reply delivered", async () => {
    bot.fake.answer("response_url:unavailable", (_body, attempt) =>
      attempt === 1 ? { status: 503, body: { ok: false } } : { body: { ok: true } },
    );
    await command("unavailable");
    const second = await bot.fake.waitFor((c) => c.method === "response_url:unavailable" && bot.fake.callsTo(c.method).length === 2);
    expect(second.body.text).toContain("persontilpasset");
  });

  it("a reply that cannot be delivered is logged at error with the command, the user and Slack's answer", async () => {
    bot.fake.answer("response_url:gone", () => ({ status: 404, body: { ok: false, error: "expired_url" } }));
    await command("gone");
    const deadline = Date.now() + 5000;
    let entry = logger.at("error").find((e) => e.msg === "could not deliver a late reply through response_url");
    while (!entry && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      entry = logger.at("error").find((e) => e.msg === "could not deliver a late reply through response_url");
    }
    expect(entry?.fields).toMatchObject({ command: "/mandat", user: "U0LATE", workspace: "T0001", attempts: 1, status: 404 });
    expect(bot.fake.callsTo("response_url:gone")).toHaveLength(1);
  });

  it("a refusal of over-long text also takes the late path when it is late, in words", async () => {
    await postSigned(
      bot.eventsUrl,
      slashCommandForm({ command: "/frist", text: "x".repeat(4001), user_id: "U0LATE", response_url: bot.fake.responseUrl("long") }),
    );
    const posted = await bot.fake.waitFor((c) => c.method === "response_url:long");
    expect(posted.body.text).toBe(messages("en").errors.command_too_long({ max: 4000, length: 4001 }));
  });
});
