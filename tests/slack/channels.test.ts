import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { type RunningBot, startTestBot, TEST_TEAM } from "../support/bot.js";
import { CaptureLogger, type LogEntry } from "../support/capture-logger.js";
import { openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { bearer, FakeSlack } from "../support/fake-slack.js";
import { ROOT } from "../support/paths.js";
import { eventCallback, postSignedEvent } from "../support/slack-request.js";

/**
 * Mandate files name channels as people know them (`#styregruppe`); Slack posts by id. When the
 * bot connects it pages through conversations.list and stores each committee's channel id; a
 * channel it cannot find is logged for the operator; a rename event looks them up again.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const DIR = path.join(ROOT, "tests", "fixtures", "channels");
const TOKEN = "xoxb-test-token";

type Channel = { id: string; name: string };

/** Slack's channels as two pages of conversations.list (the second only reachable by its cursor). */
interface ChannelPages {
  first: Channel[];
  second: Channel[];
}

const AT_START: ChannelPages = {
  first: [
    { id: "C0GENERAL1", name: "general" },
    { id: "C0STYRE001", name: "styregruppe" },
    { id: "C0RENAMED1", name: "gammelt-navn" },
  ],
  second: [{ id: "G0ARBEJD01", name: "arbejdsgruppe" }],
};

/** The slug → channel id every committee should have after the lookup at start. */
const IDS_AT_START = {
  arbejdsgruppe: "G0ARBEJD01",
  "fast-id": "C0FASTID01",
  "foelger-gammelt": "C0RENAMED1",
  "foelger-nyt": null,
  forsvundet: null,
  styregruppe: "C0STYRE001",
};

describe("channels named in mandate files, resolved to ids", () => {
  let db: Database;
  let fake: FakeSlack;
  let bot: RunningBot;
  let logger: CaptureLogger;
  let pages: ChannelPages = AT_START;

  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    fake = new FakeSlack();
    await fake.start();
    fake.answer("conversations.list", (body) => {
      if (body.cursor === undefined) return { body: { ok: true, channels: pages.first, response_metadata: { next_cursor: "page-2" } } };
      if (body.cursor === "page-2") return { body: { ok: true, channels: pages.second, response_metadata: { next_cursor: "" } } };
      return { body: { ok: false, error: "invalid_cursor" } };
    });
    logger = new CaptureLogger([], {}, "info");
    bot = await startTestBot(db, { fake, logger, clock: () => NOW, env: { MANDATES_DIR: DIR } });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    await db?.close();
  });

  async function channelIds(): Promise<Record<string, string | null>> {
    const rows = await prismaOf(db).committee.findMany({ select: { slug: true, slackChannelId: true }, orderBy: { slug: "asc" } });
    return Object.fromEntries(rows.map((r) => [r.slug, r.slackChannelId]));
  }

  /** Waits until every committee's channel id is `expected` (the lookups run in the background). */
  async function untilChannelIds(expected: Record<string, string | null>): Promise<void> {
    const reached = await eventually("the channel ids", async () =>
      isDeepStrictEqual(await channelIds(), expected) ? true : undefined,
    ).catch(() => false);
    // On a timeout, fail showing what the committees have instead.
    if (!reached) expect(await channelIds()).toEqual(expected);
  }

  const notFound = (entries: LogEntry[], channel: string) =>
    entries.filter((e) => e.level === "warn" && e.fields.channel === channel && e.msg.includes("was not found in Slack"));

  it("stores each committee's channel id after start, paging through conversations.list", async () => {
    await untilChannelIds(IDS_AT_START);
    const lists = fake.callsTo("conversations.list");
    expect(lists.map((c) => c.body.cursor ?? null)).toEqual([null, "page-2"]);
    for (const call of lists) {
      expect(bearer(call)).toBe(TOKEN);
      expect(String(call.body.types).split(",").sort()).toEqual(["private_channel", "public_channel"]);
    }
  });

  it("logs a channel that does not exist at warn, naming the committee, the channel and the file", async () => {
    const file = path.join(DIR, "forsvundet.yaml");
    const [entry, ...more] = await eventually("the warning for #findes-ikke", async () => {
      const found = notFound(logger.entries, "#findes-ikke");
      return found.length > 0 ? found : undefined;
    });
    expect(more).toEqual([]);
    expect(entry?.fields).toMatchObject({ workspace: TEST_TEAM, committee: "forsvundet", channel: "#findes-ikke", file });
    expect(entry?.msg).toContain("forsvundet");
    expect(entry?.msg).toContain("#findes-ikke");
    expect(entry?.msg).toContain(file);
    // Found channels are not reported.
    for (const channel of ["#styregruppe", "#arbejdsgruppe", "#gammelt-navn"]) expect(notFound(logger.entries, channel)).toEqual([]);
  });

  it("keeps a channel id the file names, though conversations.list does not show it", async () => {
    expect((await channelIds())["fast-id"]).toBe("C0FASTID01");
  });

  it("looks the channels up again on channel_rename: the new name gets the id, the old name loses it", async () => {
    pages = {
      first: [
        { id: "C0GENERAL1", name: "general" },
        { id: "C0STYRE001", name: "styregruppe" },
        { id: "C0RENAMED1", name: "nyt-navn" },
      ],
      second: AT_START.second,
    };
    const since = fake.calls.length;
    const warningsBefore = logger.entries.length;
    const res = await postSignedEvent(
      bot.eventsUrl,
      eventCallback(TEST_TEAM, { type: "channel_rename", channel: { id: "C0RENAMED1", name: "nyt-navn", created: 1_700_000_000 } }),
    );
    expect(res.status).toBe(200);
    await untilChannelIds({ ...IDS_AT_START, "foelger-gammelt": null, "foelger-nyt": "C0RENAMED1" });
    expect(fake.calls.slice(since).filter((c) => c.method === "conversations.list")).toHaveLength(2);
    const reported = logger.entries.slice(warningsBefore);
    expect(notFound(reported, "#gammelt-navn")).toHaveLength(1);
    expect(notFound(reported, "#nyt-navn")).toEqual([]);
    expect((await channelIds())["fast-id"]).toBe("C0FASTID01");
  });

  it("looks them up again on group_rename (a private channel): a channel that now exists is found", async () => {
    pages = { first: pages.first, second: [...AT_START.second, { id: "G0FUNDET01", name: "findes-ikke" }] };
    const res = await postSignedEvent(
      bot.eventsUrl,
      eventCallback(TEST_TEAM, { type: "group_rename", channel: { id: "G0FUNDET01", name: "findes-ikke", created: 1_700_000_000 } }),
    );
    expect(res.status).toBe(200);
    await untilChannelIds({ ...IDS_AT_START, "foelger-gammelt": null, "foelger-nyt": "C0RENAMED1", forsvundet: "G0FUNDET01" });
  });

  it("refuses a rename event from another workspace at the door: nothing is looked up, nothing changes", async () => {
    const before = await channelIds();
    const since = fake.calls.length;
    const logged = logger.entries.length;
    pages = { first: [], second: [] };
    const res = await postSignedEvent(
      bot.eventsUrl,
      eventCallback("TOTHER0001", { type: "channel_rename", channel: { id: "C0STYRE001", name: "noget-andet", created: 1_700_000_000 } }),
    );
    expect(res.status).toBe(200);
    const refusal = await eventually("the refusal in the log", async () =>
      logger.entries.slice(logged).find((e) => e.text.includes("a request from workspace TOTHER0001; this bot serves T0001")),
    );
    expect(refusal.level).toBe("error");
    // Bolt called no listener: the request was refused before any work began.
    expect(logger.entries.slice(logged).filter((e) => e.msg === "a Slack listener failed")).toEqual([]);
    expect(fake.calls.slice(since).map((c) => c.method)).toEqual([]);
    expect(await channelIds()).toEqual(before);
  });
});
