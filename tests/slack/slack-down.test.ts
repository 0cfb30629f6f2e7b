import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { ACTION_PREFIX } from "../../src/slack/ids.js";
import { type RunningBot, startTestBot, TEST_TEAM } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { FakeSlack, type Outage } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";
import { MANDATES_DIR } from "../support/paths.js";
import { buttonForm, postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * "Slack down does not make the bot deaf." Slack's Web API unreachable, answering 5xx, or 429
 * with Retry-After: at start, and while the bot runs. Slash commands get their reply in the HTTP
 * ack and buttons theirs through response_url (another Slack service than the Web API), and
 * nothing on that path calls the Web API; what the bot asks of Slack on its own waits in the
 * background. Everything goes through signed requests to the real bot.
 */

/** A retry policy short enough for a test, long enough that nothing is retried while a test sends its requests. */
const QUIET = { firstDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 2 };

/** Slack's Web API at an address where nothing listens: connection refused. */
async function unreachableApiUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/api/`;
}

type Down = { label: string; outage: Outage | "unreachable" };
const OUTAGES: Down[] = [
  { label: "unreachable (connection refused)", outage: "unreachable" },
  { label: "answering 500", outage: { kind: "5xx", status: 500 } },
  { label: "answering 503", outage: { kind: "5xx", status: 503 } },
  { label: "answering 429 with Retry-After: 30", outage: { kind: "429", retryAfterSeconds: 30 } },
  { label: "cutting connections", outage: { kind: "reset" } },
  { label: "hanging (no answer for 10 s)", outage: { kind: "hang", delayMs: 10_000 } },
];

/** A slash command and a button click: each must be answered without the Web API. */
async function expectAnswered(bot: RunningBot, fake: FakeSlack, tag: string): Promise<void> {
  const mandat = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
  expect(mandat.status).toBe(200);
  expect(JSON.stringify(mandat.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
  expect(mandat.ms).toBeLessThan(2_500);

  const frist = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/frist", text: "norprem alle" }));
  expect(frist.status).toBe(200);
  expect(frist.json?.response_type).toBe("ephemeral");
  expect(String(frist.json?.text)).toContain("Alle frister for Nasjonalt kompetansenettverk for persontilpasset medisin: #");

  const id = `down-${tag.replace(/[^a-z0-9]+/gi, "-")}`;
  const value = JSON.stringify({ committee: "norprem", section: "tasks", language: "nb" });
  const click = await postSigned(
    bot.eventsUrl,
    buttonForm({ actionId: `${ACTION_PREFIX.mandateSection}:tasks`, value, responseUrl: fake.responseUrl(id) }),
  );
  expect(click.status).toBe(200);
  const posted = await fake.waitFor((c) => c.method === `response_url:${id}`);
  expect(JSON.stringify(posted.body.blocks)).toContain("Oppgaver");
}

async function readyz(bot: RunningBot) {
  const res = await fetch(`${bot.baseUrl}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; components: Record<string, Record<string, unknown>> } };
}

describe.each(OUTAGES)("Slack's Web API $label at start", ({ label, outage }) => {
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot | undefined;
  const logger = new CaptureLogger([], {}, "info");

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
    // A bot that ran before: the database knows its one workspace.
    const first = await startTestBot(db, { fake, env: { MANDATES_DIR } });
    await first.stop();
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    await db?.close();
  });

  it("starts at once serving the workspace it knows, and answers commands (in the ack) and buttons (response_url)", async () => {
    const env: Record<string, string> = { MANDATES_DIR };
    if (outage === "unreachable") env.SLACK_API_URL = await unreachableApiUrl();
    else fake.down(outage);
    const started = performance.now();
    bot = await startTestBot(db, { fake, env, logger, retry: { identity: QUIET, lookups: QUIET } });
    const startMs = performance.now() - started;
    // auth.test is given up after three quick tries (a 429 at once: no waiting out Retry-After), or
    // after 1.5 s without an answer: the bot ran before and knows its workspace.
    expect(startMs, label).toBeLessThan(outage === "unreachable" || outage.kind !== "429" ? 5_000 : 3_000);
    expect(bot.workspaceId).toBe(TEST_TEAM);
    await expectAnswered(bot, fake, `start-${label}`);
    expect(logger.at("warn").map((e) => e.msg)).toContain(
      "Slack did not answer auth.test: serving the workspace this bot served before, and asking again in the background",
    );
  });

  it("/healthz says alive (200); /readyz says 503: Slack has not confirmed the identity, the database and mandates are ready", async () => {
    if (!bot) throw new Error("not started");
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "alive" });
    const { status, body } = await readyz(bot);
    expect(status).toBe(503);
    expect(body.status).toBe("not ready");
    expect(body.components.database).toEqual({ ready: true, kind: "pglite" });
    expect(body.components.mandates).toMatchObject({ ready: true, refused: [] });
    expect(body.components.slack).toMatchObject({ ready: false, mode: "single", workspace: TEST_TEAM });
    expect(String(body.components.slack?.detail)).toContain("has not answered auth.test");
    expect(String(body.components.slack?.lastError)).not.toBe("");
  });
});

describe("after a start without Slack, the identity is asked for again in the background", () => {
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot | undefined;
  const logger = new CaptureLogger([], {}, "info");

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
    const first = await startTestBot(db, { fake, env: { MANDATES_DIR } });
    await first.stop();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    fake.up();
  });
  afterAll(async () => {
    await fake?.stop();
    await db?.close();
  });

  it("with back-off, waiting out a 429's Retry-After; once Slack answers, /readyz turns 200", async () => {
    fake.down({ kind: "429", retryAfterSeconds: 2 });
    const identity = { firstDelayMs: 200, maxDelayMs: 400, maxAttempts: Number.POSITIVE_INFINITY };
    const startedAt = performance.now();
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR }, retry: { identity, lookups: QUIET } });
    const asked = () => fake.callsTo("auth.test").length;
    const atStart = asked();
    // Retry-After: 2 outweighs the back-off's 200 ms: nothing is asked before two seconds have passed.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(asked()).toBe(atStart);
    await eventually("the next auth.test", async () => (asked() > atStart ? true : undefined), 3_000);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(2_000);
    expect((await readyz(bot)).status).toBe(503);

    fake.up();
    await eventually("/readyz 200", async () => ((await readyz(bot as RunningBot)).status === 200 ? true : undefined), 8_000);
    const { body } = await readyz(bot);
    expect(body).toMatchObject({ status: "ready", components: { slack: { ready: true, mode: "single", workspace: TEST_TEAM } } });
    expect(logger.at("info").map((e) => e.msg)).toContain("Slack answered auth.test: the bot's identity is confirmed");
    // Confirmed: no more asking.
    const after = asked();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(asked()).toBe(after);
  });

  it.each([
    { team: TEST_TEAM, ready: 200, detail: "auth.test confirmed the bot's identity" },
    { team: "T0ELSEWHERE", ready: 503, detail: "SLACK_BOT_TOKEN was refused by Slack (another_workspace)" },
  ])(
    "a slow Slack (auth.test answers after 1.8 s, naming $team): the bot serves what it knows after its wait (here 0.1 s), and the late answer counts",
    async ({ team, ready, detail }) => {
      fake.answer("auth.test", () => ({
        delayMs: 1_800,
        body: { ok: true, team_id: team, team: "Mandat test", user_id: "UBOT", bot_id: "BBOT" },
      }));
      bot = await startTestBot(db, {
        fake,
        logger,
        env: { MANDATES_DIR },
        retry: { identity: QUIET, lookups: QUIET },
        identityWaitMs: 100,
      });
      expect(bot.workspaceId).toBe(TEST_TEAM);
      expect((await readyz(bot)).status).toBe(503);
      const slack = async () => (await readyz(bot as RunningBot)).body.components.slack;
      await eventually("the late answer", async () => ((await slack())?.detail === detail ? true : undefined), 3_000);
      expect((await readyz(bot)).status).toBe(ready);
      expect(await slack()).toMatchObject({ workspace: TEST_TEAM });
      fake.answer("auth.test", () => ({ body: { ok: true, team_id: TEST_TEAM, team: "Mandat test", user_id: "UBOT", bot_id: "BBOT" } }));
    },
  );

  it("a token Slack refuses meanwhile (token_revoked): logged once naming SLACK_BOT_TOKEN, shown by /readyz, not asked again, the bot keeps answering", async () => {
    fake.down({ kind: "5xx" });
    const identity = { firstDelayMs: 100, maxDelayMs: 200, maxAttempts: Number.POSITIVE_INFINITY };
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR }, retry: { identity, lookups: QUIET } });
    fake.answer("auth.test", () => ({ body: { ok: false, error: "token_revoked" } }));
    fake.up();
    await eventually("the refusal logged", async () =>
      logger.at("error").find((e) => e.msg.startsWith("SLACK_BOT_TOKEN was refused by Slack (token_revoked)")),
    );
    const { status, body } = await readyz(bot);
    expect(status).toBe(503);
    expect(body.components.slack).toMatchObject({ ready: false, detail: "SLACK_BOT_TOKEN was refused by Slack (token_revoked)" });
    const asked = fake.callsTo("auth.test").length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(fake.callsTo("auth.test").length).toBe(asked);
    expect(logger.at("error").filter((e) => e.msg.startsWith("SLACK_BOT_TOKEN was refused"))).toHaveLength(1);
    const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk");
  });
});

describe.each(OUTAGES.filter((o) => o.outage !== "unreachable"))("Slack's Web API $label while the bot runs", ({ label, outage }) => {
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot;
  const logger = new CaptureLogger([], {}, "info");

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
    bot = await startTestBot(db, { fake, logger, env: { MANDATES_DIR } });
    // The start's own lookups are done before Slack goes down: nothing of the bot's own is under way.
    await eventually("the start's lookups", async () => logger.entries.find((e) => e.msg.startsWith("roster e-mails:")));
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    await db?.close();
  });

  it("answers commands in the ack and buttons through response_url, calling no Web API method on the way", async () => {
    if (outage === "unreachable") throw new Error("not a running outage");
    fake.down(outage);
    const before = fake.apiCalls.length;
    await expectAnswered(bot, fake, `running-${label}`);
    expect(fake.apiCalls.slice(before).map((c) => c.method)).toEqual([]);
    // Its identity was confirmed at start: still ready.
    expect((await readyz(bot)).status).toBe(200);
  });
});
