import { Agent, request } from "node:http";
import { describe, expect, it } from "vitest";
import { importMandates, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { SIGNING_SECRET, signature, slashCommandForm } from "../support/slack-request.js";

/**
 * The bot's stop (src/slack/app.ts) in-process: it answers what it has received, lets replies
 * that go through response_url finish, and does not wait for kept-alive connections. The stop
 * of the whole process (signals, exit code, lock) is tests/process/stop.test.ts.
 */

const NOW = new Date("2026-11-23T09:00:00Z");

/** A signed /frist over `agent`, resolving to the status, the Connection header and the body. */
function frist(url: string, text: string, agent: Agent, responseUrl: string) {
  const body = new URLSearchParams(slashCommandForm({ command: "/frist", text, response_url: responseUrl })).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": Buffer.byteLength(body),
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature(SIGNING_SECRET, timestamp, body),
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("stopping the Slack app", () => {
  it("answers a request sent on a kept-alive connection as the stop begins, with Connection: close, and does not wait for the connection", async () => {
    const db = await openTestDatabase("pglite");
    const bot = await startTestBot(db, { clock: () => NOW });
    await importMandates(bot, [MANDATES_DIR], NOW);
    const agent = new Agent({ keepAlive: true });
    try {
      // One request first, so the connection is a kept-alive one, as Slack's are.
      const first = await frist(bot.eventsUrl, "", agent, bot.fake.responseUrl("warm"));
      expect(first.connection).toBe("keep-alive");
      // Sent on that connection, and the stop asked for before the bot has read it. Node's own
      // server.close() takes such a connection for an idle one and drops it (ECONNRESET).
      const inFlight = frist(bot.eventsUrl, "alle", agent, bot.fake.responseUrl("in-flight"));
      const started = performance.now();
      await bot.stop();
      const stopMs = performance.now() - started;
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('"blocks"');
      expect(answer.connection).toBe("close");
      // Node keeps an idle kept-alive connection for 5 s; the stop does not wait for it.
      expect(stopMs).toBeLessThan(2000);
    } finally {
      agent.destroy();
      await db.close();
    }
  });

  it("waits for a reply that goes through response_url after the HTTP answer", async () => {
    const db = await openTestDatabase("pglite");
    const logger = new CaptureLogger();
    // Budget 0: the HTTP answer is an empty ack at once, the reply follows through response_url.
    const bot = await startTestBot(db, { clock: () => NOW, logger, replyBudgetMs: 0 });
    await importMandates(bot, [MANDATES_DIR], NOW);
    // Slack takes its time to take the reply.
    bot.fake.answer("response_url:slow", () => ({ delayMs: 1500, body: { ok: true } }));
    const agent = new Agent({ keepAlive: true });
    try {
      const ack = await frist(bot.eventsUrl, "norprem", agent, bot.fake.responseUrl("slow"));
      expect(ack.status).toBe(200);
      expect(ack.body).toBe("");
      const started = performance.now();
      await bot.stop();
      const stopMs = performance.now() - started;
      const posted = bot.fake.callsTo("response_url:slow");
      expect(posted).toHaveLength(1);
      expect(JSON.stringify(posted[0]?.body.blocks)).toContain("persontilpasset");
      // It waited for Slack's answer to the post, not only for the post to leave.
      expect(stopMs).toBeGreaterThanOrEqual(1000);
      expect(logger.at("error")).toEqual([]);
    } finally {
      agent.destroy();
      await db.close();
    }
  });

  it("gives up at its deadline: resolves false, logs what was cut off, and does not hang", async () => {
    const db = await openTestDatabase("pglite");
    const logger = new CaptureLogger();
    const bot = await startTestBot(db, { clock: () => NOW, logger, replyBudgetMs: 0 });
    await importMandates(bot, [MANDATES_DIR], NOW);
    bot.fake.answer("response_url:stuck", () => ({ delayMs: 1500, body: { ok: true } }));
    const agent = new Agent({ keepAlive: true });
    try {
      await frist(bot.eventsUrl, "norprem", agent, bot.fake.responseUrl("stuck"));
      const started = performance.now();
      const answeredAll = await bot.bot.stop({ deadlineMs: 300 });
      expect(answeredAll).toBe(false);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(logger.at("error").map((e) => [e.msg, e.fields.listenersRunning])).toEqual([
        ["stopped before every request received was answered", 1],
      ]);
    } finally {
      agent.destroy();
      await bot.fake.stop();
      await db.close();
    }
  });
});
