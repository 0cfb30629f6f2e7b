import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.js";
import { messages } from "../../src/i18n/index.js";
import { ACTION_PREFIX, MAX_MANDATE_VERSION, sectionActionId } from "../../src/slack/ids.js";
import { SAERUDVALG_V1, SAERUDVALG_V2 } from "../integration/helpers.js";
import { importMandates, type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { ROOT } from "../support/paths.js";
import { buttonForm, postSigned } from "../support/slack-request.js";

/**
 * Button values come back from Slack as the bot sent them, unless someone with the signing
 * secret forges them. Whatever a forged value holds, the click gets a refusal in words (the
 * stale-button message, or "no such committee" for a well-formed slug the caller cannot see),
 * never the fault message of a database error.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const CHAIR = "U0CHAIR";
/** A committee of another workspace, in the same database. */
const OTHER_WORKSPACE = path.join(ROOT, "tests", "fixtures", "workspaces", "team-b", "beta-raadet.yaml");

describe("forged button values, as signed clicks", () => {
  const logger = new CaptureLogger();
  let db: Database;
  let bot: RunningBot;
  let clicks = 0;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    bot = await startTestBot(db, { clock: () => NOW, logger });
    await importMandates(bot, [SAERUDVALG_V1, OTHER_WORKSPACE], NOW);
    await importMandates(bot, [SAERUDVALG_V2], new Date(NOW.getTime() + 60_000));
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });

  /** Clicks a section button carrying `value` (any JSON text) and returns what replaced the message. */
  async function click(value: string, actionId = sectionActionId("summary")): Promise<Record<string, unknown>> {
    const id = `forged-${++clicks}`;
    const ack = await postSigned(bot.eventsUrl, buttonForm({ actionId, value, userId: CHAIR, responseUrl: bot.fake.responseUrl(id) }));
    expect(ack.status).toBe(200);
    return (await bot.fake.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  const section = (fields: Record<string, unknown>) =>
    JSON.stringify({ committee: "saerudvalg", section: "summary", language: "da", ...fields });

  it("the control: version 1 of a committee that has two opens that version", async () => {
    const posted = await click(section({ version: 1 }));
    expect(JSON.stringify(posted)).toContain("Særudvalget");
    expect(posted.text).not.toBe(messages("da").errors.stale_button());
  });

  it("a version within bounds that the committee does not have gets unknown_version, not a fault", async () => {
    const posted = await click(section({ version: MAX_MANDATE_VERSION }));
    expect(posted.text).toBe(
      messages("da").errors.unknown_version({ committee: "saerudvalg", version: MAX_MANDATE_VERSION, versions: [1, 2] }),
    );
  });

  it.each([
    ["a version past the bound", section({ version: MAX_MANDATE_VERSION + 1 })],
    ["a version of eleven digits (past the database's integer)", section({ version: 99999999999 })],
    ["version 1e20", section({ version: 1e20 })],
    ["version 2^53", section({ version: 2 ** 53 })],
    ["a negative version", section({ version: -1 })],
    ["version 0", section({ version: 0 })],
    ["a fractional version", section({ version: 1.5 })],
    ["a version as text", section({ version: "1" })],
    ["a language that is not one of ours", section({ language: "de" })],
    ["a language in capitals", section({ language: "DA" })],
    ["a slug of 10 000 characters", section({ committee: "a".repeat(10_000) })],
    ["a section of 5 000 characters", section({ section: "x".repeat(5_000) })],
    ["a value longer than Slack's 2000 characters", `${section({})}${" ".repeat(2_000)}`],
    ["a value nested 10 000 deep", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
  ])("%s gets the stale-button message in the button's language or the default, and no fault", async (_label, value) => {
    const errorsBefore = logger.at("error").length;
    const posted = await click(value);
    const stale = [messages("da").errors.stale_button(), messages("en").errors.stale_button()];
    expect(stale).toContain(posted.text);
    expect(logger.at("error").slice(errorsBefore)).toEqual([]);
  });

  it.each([
    ["another workspace's committee", "beta-raadet"],
    ["a committee that does not exist", "no-such-committee"],
  ])("%s, well-formed, gets the same answer as typing its name: unknown_committee, and nothing of it", async (_label, slug) => {
    const errorsBefore = logger.at("error").length;
    const posted = await click(JSON.stringify({ committee: slug, language: "en" }), `${ACTION_PREFIX.openCommittee}:${slug}`);
    expect(posted.text).toBe(messages("en").errors.unknown_committee({ query: slug }));
    expect(JSON.stringify(posted)).not.toContain("Beta");
    expect(logger.at("error").slice(errorsBefore)).toEqual([]);
  });
});
