import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { FakeSlack } from "../support/fake-slack.js";
import { ROOT } from "../support/paths.js";

/**
 * What the bot asks of Slack on its own (roster e-mails with users.lookupByEmail, channel names
 * with conversations.list) runs after start, in the background, and while Slack fails it is
 * asked again later with back-off: a bounded number of times, each failure logged.
 *
 * Slack's failures here are `{ ok: false, error: "fatal_error" }` answers, which WebClient does
 * not retry by itself, so every attempt the fake sees is one of the bot's own.
 */

const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const ANNA = "anna.opslag@example.org";
const POLICY = { firstDelayMs: 300, maxDelayMs: 2_000, maxAttempts: 4 };

let db: Database;
let fake: FakeSlack;
let bot: RunningBot | undefined;
let logger: CaptureLogger;
/** When (ms) each users.lookupByEmail for Anna reached the fake. */
let annaAsked: number[];

beforeEach(async () => {
  db = await openTestDatabase("pglite");
  fake = new FakeSlack();
  await fake.start();
  logger = new CaptureLogger([], {}, "info");
  annaAsked = [];
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await fake.stop();
  await db.close();
});

/** users.lookupByEmail fails for the first `failures` times Anna is asked about, then finds her. */
function slackFailing(failures: number): void {
  fake.answer("users.lookupByEmail", (body) => {
    if (body.email !== ANNA) return { body: { ok: false, error: "users_not_found" } };
    annaAsked.push(performance.now());
    return annaAsked.length <= failures
      ? { body: { ok: false, error: "fatal_error" } }
      : { body: { ok: true, user: { id: "U0ANNAFOUND" } } };
  });
}

const annaId = async () => (await prismaOf(db).member.findFirst({ where: { email: ANNA } }))?.slackUserId ?? null;

describe("roster lookups while Slack fails", () => {
  it("are tried again with growing waits, and once Slack answers the seat is resolved", async () => {
    slackFailing(2);
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR: MEMBERS_ONLY }, retry: { lookups: POLICY } });
    await eventually("Anna resolved", async () => ((await annaId()) === "U0ANNAFOUND" ? true : undefined));
    expect(annaAsked).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = annaAsked;
    expect(second - first).toBeGreaterThanOrEqual(POLICY.firstDelayMs - 20);
    expect(third - second).toBeGreaterThanOrEqual(2 * POLICY.firstDelayMs - 20);
    const warnings = logger.at("warn").filter((e) => e.fields.retry === "Slack lookups in T0001");
    expect(warnings.map((e) => [e.fields.attempt, e.fields.retryInMs])).toEqual([
      [1, 300],
      [2, 600],
    ]);
    expect(warnings[0]?.text).toContain("fatal_error");
    await eventually("the success logged", async () =>
      logger.at("info").find((e) => e.msg === "Slack lookups in T0001: succeeded on attempt 3"),
    );
  });

  it("give up after the policy's attempts, saying so, and ask no more", async () => {
    slackFailing(Number.POSITIVE_INFINITY);
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR: MEMBERS_ONLY }, retry: { lookups: POLICY } });
    await eventually(
      "giving up",
      async () => logger.at("error").find((e) => e.msg === "Slack lookups in T0001: failed 4 times; giving up until it is asked for again"),
      5_000,
    );
    expect(annaAsked).toHaveLength(POLICY.maxAttempts);
    await new Promise((resolve) => setTimeout(resolve, 2 * POLICY.maxDelayMs));
    expect(annaAsked).toHaveLength(POLICY.maxAttempts);
    expect(await annaId()).toBeNull();
  });

  it("never hold up start: the bot answers while they still fail", async () => {
    slackFailing(Number.POSITIVE_INFINITY);
    const slow = { firstDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3 };
    const started = performance.now();
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR: MEMBERS_ONLY }, retry: { lookups: slow } });
    expect(performance.now() - started).toBeLessThan(5_000);
    await eventually("the first failure", async () => (annaAsked.length > 0 ? true : undefined));
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe("channel lookups while Slack fails", () => {
  it("are tried again too, and the channel id is stored once Slack answers", async () => {
    let asked = 0;
    fake.answer("conversations.list", () => {
      asked++;
      return asked <= 1
        ? { body: { ok: false, error: "fatal_error" } }
        : { body: { ok: true, channels: [{ id: "C0STYRE001", name: "styregruppe" }], response_metadata: { next_cursor: "" } } };
    });
    const styregruppe = path.join(ROOT, "tests", "fixtures", "channels", "styregruppe.yaml");
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR: styregruppe }, retry: { lookups: POLICY } });
    await eventually(
      "the channel id",
      async () => (await prismaOf(db).committee.findFirst({ where: { slackChannelId: "C0STYRE001" } })) ?? undefined,
    );
    expect(asked).toBe(2);
  });
});
