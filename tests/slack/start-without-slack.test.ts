import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OperatorError } from "../../src/config/env.js";
import type { Database } from "../../src/db/connect.js";
import { NO_MANDATES, startTestBot, TEST_TEAM } from "../support/bot.js";
import { openTestDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";
import { MANDATES_DIR } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * A single-workspace bot learns its workspace from `auth.test` at start. When Slack does not
 * answer then, a bot that has run before serves the workspace it knows, and one that never ran
 * stops with one line: it cannot know whose committees to serve.
 */
describe("starting while Slack's Web API answers 500", () => {
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

  it("a bot that never ran stops, saying Slack could not be reached and which variable is at stake", async () => {
    fake.answer("auth.test", () => ({ status: 500, body: { ok: false, error: "internal_error" } }));
    const started = performance.now();
    const starting = startTestBot(db, { fake, env: { MANDATES_DIR: NO_MANDATES } });
    await expect(starting).rejects.toThrow(OperatorError);
    await expect(starting).rejects.toThrow(/Slack could not be reached to learn which workspace SLACK_BOT_TOKEN belongs to/);
    // It gave up within seconds, not WebClient's default half hour of retries.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(fake.callsTo("auth.test").length).toBeGreaterThanOrEqual(2);
  });

  it("a bot that ran before serves the workspace it knows, and answers commands", async () => {
    fake.answer("auth.test", () => ({ body: { ok: true, team_id: TEST_TEAM, team: "Mandat test", user_id: "UBOT", bot_id: "BBOT" } }));
    const first = await startTestBot(db, { fake, env: { MANDATES_DIR } });
    await first.stop();

    fake.answer("auth.test", () => ({ status: 500, body: { ok: false, error: "internal_error" } }));
    const bot = await startTestBot(db, { fake, env: { MANDATES_DIR } });
    try {
      expect(bot.workspaceId).toBe(TEST_TEAM);
      const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
    } finally {
      await bot.stop();
    }
  });
});
