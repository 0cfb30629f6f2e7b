import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import type { RosterResolver } from "../../src/services/roster-resolver.js";
import { importMandates, useBot } from "../support/bot.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * Rosters may name people by e-mail. The bot asks Slack (users.lookupByEmail, here the fake)
 * for their user ids; from then on those people are members. The fixture's two e-mail seats:
 * Anna.Opslag@example.org (stored lower-case) and ingen.slack@example.org.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const ANNA = "anna.opslag@example.org";
const NOBODY = "ingen.slack@example.org";
const ANNA_ID = "U0ANNAFOUND";
const COMMITTEE_NAME = "Lukket styregruppe Ørnereden";

describe("roster e-mails resolved with users.lookupByEmail", () => {
  let resolver: RosterResolver;
  const running = useBot({
    now: NOW,
    seed: async (bot) => {
      await importMandates(bot, [MANDATES_DIR], NOW);
      const [outcome] = await bot.services.importer.importPath(MEMBERS_ONLY, { now: NOW, defaultWorkspace: bot.workspaceId });
      expect(outcome?.status).toBe("created");
      resolver = bot.bot.slackServices.rosters;
    },
  });
  beforeEach(async () => {
    // Each test starts from the roster as imported: e-mail seats without a Slack id.
    await prismaOf(running.db).member.updateMany({ where: { email: { not: null } }, data: { slackUserId: null } });
  });

  const slackIdOf = async (email: string) => (await prismaOf(running.db).member.findFirst({ where: { email } }))?.slackUserId ?? null;
  const lookupsOf = (email: string, since = 0) =>
    running.bot.fake.calls.slice(since).filter((c) => c.method === "users.lookupByEmail" && c.body.email === email);
  const mandat = (text: string, userId: string) =>
    postSigned(running.bot.eventsUrl, slashCommandForm({ command: "/mandat", text, user_id: userId }));

  it("makes the person Slack returns a member, who then sees the members-only committee", async () => {
    running.bot.fake.answer("users.lookupByEmail", (body) =>
      body.email === ANNA ? { body: { ok: true, user: { id: ANNA_ID, name: "anna" } } } : { body: { ok: false, error: "users_not_found" } },
    );
    // Before: Anna's Slack id is nobody on any roster.
    const before = await mandat("", ANNA_ID);
    expect(JSON.stringify(before.json)).not.toContain(COMMITTEE_NAME);
    expect((await mandat("slack-lukket", ANNA_ID)).json?.text).toContain("slack-lukket");

    const since = running.bot.fake.calls.length;
    const result = await resolver.resolveAll();
    expect(result).toEqual({ resolved: 1, notFound: [NOBODY], failed: [] });
    expect(lookupsOf(ANNA, since)).toHaveLength(1);
    // The Web API call is made with the bot token, as Slack requires.
    expect(lookupsOf(ANNA, since)[0]?.headers.authorization).toBe("Bearer xoxb-test-token");
    expect(await slackIdOf(ANNA)).toBe(ANNA_ID);

    const list = await mandat("", ANNA_ID);
    const blocks = JSON.stringify(list.json?.blocks);
    expect(blocks).toContain(COMMITTEE_NAME);
    // Listed among her own committees, with her role, in the committee's language (her only one).
    expect(blocks).toContain("Dine udvalg");
    const summary = await mandat("ørnereden", ANNA_ID);
    expect(((summary.json?.blocks ?? []) as { text?: { text: string } }[])[0]?.text?.text).toBe(COMMITTEE_NAME);
  });

  it("leaves a seat unresolved when Slack answers users_not_found, and asks again next time", async () => {
    running.bot.fake.answer("users.lookupByEmail", () => ({ body: { ok: false, error: "users_not_found" } }));
    const since = running.bot.fake.calls.length;
    expect(await resolver.resolveAll()).toEqual({
      resolved: 0,
      notFound: expect.arrayContaining([ANNA, NOBODY]) as unknown as string[],
      failed: [],
    });
    expect(await slackIdOf(NOBODY)).toBeNull();
    expect(await slackIdOf(ANNA)).toBeNull();
    expect(lookupsOf(NOBODY, since)).toHaveLength(1);
    // Nobody is a member by an id that was never found.
    expect(await prismaOf(running.db).member.count({ where: { committee: { slug: "slack-lukket" }, slackUserId: null } })).toBe(2);

    const again = running.bot.fake.calls.length;
    await resolver.resolveAll();
    expect(lookupsOf(NOBODY, again)).toHaveLength(1);
  });

  it("does not ask again for a seat already resolved", async () => {
    running.bot.fake.answer("users.lookupByEmail", (body) =>
      body.email === ANNA ? { body: { ok: true, user: { id: ANNA_ID } } } : { body: { ok: false, error: "users_not_found" } },
    );
    await resolver.resolveAll();
    const since = running.bot.fake.calls.length;
    expect(await resolver.resolveAll()).toEqual({ resolved: 0, notFound: [NOBODY], failed: [] });
    expect(lookupsOf(ANNA, since)).toHaveLength(0);
  });

  it("waits out a 429 with Retry-After and succeeds on the retry (WebClient's own retry)", async () => {
    let attempts = 0;
    running.bot.fake.answer("users.lookupByEmail", (body) => {
      if (body.email !== NOBODY) return { body: { ok: false, error: "users_not_found" } };
      attempts++;
      return attempts === 1
        ? { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } }
        : { body: { ok: true, user: { id: "U0NOWFOUND" } } };
    });
    const since = running.bot.fake.calls.length;
    const started = performance.now();
    const result = await resolver.resolveAll();
    const elapsed = performance.now() - started;
    expect(result.resolved).toBe(1);
    expect(lookupsOf(NOBODY, since)).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(await slackIdOf(NOBODY)).toBe("U0NOWFOUND");
  });

  it("a Slack fault other than users_not_found stops the lookups in that workspace, says so, and changes nothing", async () => {
    running.bot.fake.answer("users.lookupByEmail", () => ({ body: { ok: false, error: "invalid_auth" } }));
    const since = running.bot.fake.calls.length;
    expect(await resolver.resolveAll()).toEqual({ resolved: 0, notFound: [], failed: [running.bot.workspaceId] });
    // One failed call is enough to stop asking that workspace this time.
    expect(running.bot.fake.calls.slice(since).filter((c) => c.method === "users.lookupByEmail")).toHaveLength(1);
    expect(await slackIdOf(ANNA)).toBeNull();
    expect(await slackIdOf(NOBODY)).toBeNull();
  });
});
