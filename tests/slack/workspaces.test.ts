import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import type { ErrorCode } from "../../src/domain/errors.js";
import { CATALOGS } from "../../src/i18n/index.js";
import { ACTION_PREFIX } from "../../src/slack/ids.js";
import { type RunningBot, startTestBot } from "../support/bot.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { databaseKinds, openTestDatabase } from "../support/database.js";
import { eventually } from "../support/eventually.js";
import { FakeSlack } from "../support/fake-slack.js";
import { ROOT } from "../support/paths.js";
import {
  buttonForm,
  eventCallback,
  postSigned,
  postSignedEvent,
  SIGNING_SECRET,
  type SlackResponse,
  slashCommandForm,
} from "../support/slack-request.js";

/**
 * "A caller from one workspace never sees, by any command or button, a committee of another."
 *
 * Two single-workspace bots (two apps, two bot tokens, two signing secrets) share one database,
 * each importing its own workspace's mandate files at start. Everything goes through signed HTTP
 * requests to the real bots. The fixtures' words are unique per workspace, so a reply can be
 * searched for anything of the other workspace: names, slugs (also inside button values),
 * roster names, purpose and deadline titles.
 *
 * U0GRIDUSER sits in both workspaces (an Enterprise Grid user has one id across the org's
 * workspaces): a member in A, the secretariat of A's neighbour `beta-raadet` in B. From A that
 * person must not be able to complete or waive B's deadlines.
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const FIXTURES = path.join(ROOT, "tests", "fixtures", "workspaces");
const GRID_USER = "U0GRIDUSER";
const OUTSIDER = "U0OUTSIDER";

interface Side {
  name: "A" | "B";
  team: string;
  token: string;
  secret: string;
  dir: string;
  /** Committees of this workspace: slug → the name shown in replies. */
  committees: Record<string, string>;
  /** The committee only this workspace has (both have `faelles`). */
  slug: string;
  /** Deadline titles of this workspace (one per committee). */
  deadlines: string[];
  /** Every word of this workspace's files that no file of the other workspace has. */
  words: string[];
  /** A word only this workspace's mandate text has (for /mandat search). */
  searchWord: string;
  /** Its secretariat (no seat in the other workspace). */
  secretariat: string;
}

const A: Side = {
  name: "A",
  team: "TAAAA0001",
  token: "xoxb-team-a",
  secret: SIGNING_SECRET,
  dir: path.join(FIXTURES, "team-a"),
  committees: { "alfa-raadet": "Alfarådet Akvamarin", faelles: "Fællesudvalget på Alfa-siden" },
  slug: "alfa-raadet",
  deadlines: ["Alfarådets årsrapport om lakridsregnskab", "Alfa-sidens budget"],
  words: ["Alfarådet", "Alpha council", "Akvamarin", "Aquamarine", "alfa-raadet", "lakrids", "Asta", "Alfa-siden", "Alfasen", "U0ACHAIR"],
  searchWord: "lakridsregnskab",
  secretariat: "U0ASEK",
};

const B: Side = {
  name: "B",
  team: "TBBBB0001",
  token: "xoxb-team-b",
  secret: "team-b-signing-secret-fedcba9876543210",
  dir: path.join(FIXTURES, "team-b"),
  committees: { "beta-raadet": "Betarådet Bernsten", faelles: "Fellesutvalget på Beta-siden" },
  slug: "beta-raadet",
  deadlines: ["Betarådets årsrapport om marcipanfond", "Beta-sidens budsjett"],
  words: ["Betarådet", "Beta council", "Bernsten", "beta-raadet", "marcipan", "Birte", "Beta-siden", "Betasen", "U0BCHAIR"],
  searchWord: "marcipanfond",
  secretariat: "U0BSEK",
};

const otherThan = (side: Side): Side => (side === A ? B : A);

/** Everything of a reply a user could see or click: text, blocks, button values. */
const everything = (res: SlackResponse | Record<string, unknown> | undefined): string => JSON.stringify(res ?? {});

/** The words of `side` in `text` (should be none), after taking out what the caller typed and the reply echoes. */
function wordsOf(side: Side, text: string, echoed: string[] = []): string[] {
  const rest = echoed.reduce((t, e) => t.split(e).join(""), text).toLowerCase();
  return side.words.filter((w) => rest.includes(w.toLowerCase()));
}

/** True when `text` is the error `code` in some language (the caller's language is not the point here). */
function isError(text: unknown, code: ErrorCode, params: Record<string, unknown>): boolean {
  return Object.values(CATALOGS).some((m) => (m.errors[code] as (p: Record<string, unknown>) => string)(params) === text);
}

/** Rows per table, and every deadline's state: a refused request must change none of it. */
async function snapshot(db: Database) {
  const prisma = prismaOf(db);
  const [committees, versions, members, deadlines, workspaces] = await Promise.all([
    prisma.committee.findMany({ select: { id: true, workspaceId: true, slug: true }, orderBy: { id: "asc" } }),
    prisma.mandateVersion.count(),
    prisma.member.count(),
    prisma.deadline.findMany({
      select: { id: true, committeeId: true, status: true, resolvedAt: true, resolvedBy: true, waiveReason: true },
      orderBy: { id: "asc" },
    }),
    prisma.workspace.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { committees, versions, members, deadlines, workspaces };
}

describe.each(databaseKinds())("workspace isolation on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("two single-workspace bots on one database", () => {
    let db: Database;
    let fake: FakeSlack;
    const bots = new Map<Side["name"], RunningBot>();
    const logs = new Map<Side["name"], CaptureLogger>();
    let sent = 0;

    beforeAll(async () => {
      db = await openTestDatabase(kind);
      fake = new FakeSlack();
      await fake.start();
      for (const side of [A, B]) {
        fake.addBot(side.token, { teamId: side.team, teamName: `Workspace ${side.name}` });
        const logger = new CaptureLogger([], {}, "info");
        logs.set(side.name, logger);
        const bot = await startTestBot(db, {
          fake,
          logger,
          clock: () => NOW,
          env: { SLACK_BOT_TOKEN: side.token, SLACK_SIGNING_SECRET: side.secret, MANDATES_DIR: side.dir },
        });
        bots.set(side.name, bot);
      }
    });
    afterAll(async () => {
      for (const bot of bots.values()) await bot.stop();
      await fake?.stop();
      await db?.close();
    });

    const botOf = (side: Side): RunningBot => {
      const bot = bots.get(side.name);
      if (!bot) throw new Error(`bot ${side.name} is not running`);
      return bot;
    };

    /** A slash command typed in `from`'s workspace, sent to `to`'s bot (normally the same), signed with `to`'s secret. */
    function command(from: Side, name: "/mandat" | "/frist", text: string, user = OUTSIDER, to: Side = from): Promise<SlackResponse> {
      return postSigned(
        botOf(to).eventsUrl,
        slashCommandForm({ command: name, text, user_id: user, team_id: from.team, response_url: fake.responseUrl(`ws-cmd-${++sent}`) }),
        { secret: to.secret },
      );
    }

    /** A button clicked in `from`'s workspace; resolves to the ack and what the bot posted to response_url. */
    async function click(from: Side, actionId: string, value: string, user = OUTSIDER, to: Side = from) {
      const id = `ws-click-${++sent}`;
      const ack = await postSigned(
        botOf(to).eventsUrl,
        buttonForm({ actionId, value, userId: user, teamId: from.team, responseUrl: fake.responseUrl(id) }),
        { secret: to.secret },
      );
      return { id, ack, posted: () => fake.waitFor((c) => c.method === `response_url:${id}`).then((c) => c.body) };
    }

    it("each bot learnt its own workspace from its token and imported only its own files", async () => {
      expect(botOf(A).workspaceId).toBe(A.team);
      expect(botOf(B).workspaceId).toBe(B.team);
      const { committees } = await snapshot(db);
      expect(committees.map((c) => `${c.workspaceId}/${c.slug}`).sort()).toEqual([
        `${A.team}/alfa-raadet`,
        `${A.team}/faelles`,
        `${B.team}/beta-raadet`,
        `${B.team}/faelles`,
      ]);
    });

    describe.each([A, B])("a caller in workspace $name", (side) => {
      const other = otherThan(side);

      it.each([OUTSIDER, GRID_USER])("/mandat (by %s) lists the workspace's own committees and nothing of the other's", async (user) => {
        const res = await command(side, "/mandat", "", user);
        expect(res.status).toBe(200);
        const all = everything(res.json);
        for (const slug of Object.keys(side.committees)) expect(all).toContain(slug);
        expect(wordsOf(side, all).length).toBeGreaterThan(0);
        expect(wordsOf(other, all)).toEqual([]);
      });

      it("/mandat <the other workspace's slug> is an unknown committee and reveals nothing of it", async () => {
        const slug = other.slug;
        const res = await command(side, "/mandat", slug, GRID_USER);
        expect(res.status).toBe(200);
        expect(isError(res.json?.text, "unknown_committee", { query: slug })).toBe(true);
        // The slug the caller typed is echoed back; nothing else of the committee is.
        expect(wordsOf(other, everything(res.json), [slug])).toEqual([]);
        // The same with the committee's name typed out, and with a section asked for.
        const byName = await command(side, "/mandat", `${other.committees[slug]} tasks`, GRID_USER);
        expect(isError(byName.json?.text, "unknown_committee", { query: other.committees[slug] })).toBe(true);
      });

      it("/frist and /frist alle list the workspace's own deadlines only", async () => {
        for (const user of [OUTSIDER, GRID_USER, side.secretariat]) {
          for (const text of ["", "alle", "all"]) {
            const res = await command(side, "/frist", text, user);
            expect(res.status).toBe(200);
            const all = everything(res.json);
            expect(wordsOf(other, all), `/frist ${text} by ${user}`).toEqual([]);
            for (const title of other.deadlines) expect(all).not.toContain(title);
          }
        }
        const all = everything((await command(side, "/frist", "alle", OUTSIDER)).json);
        for (const title of side.deadlines) expect(all).toContain(title);
      });

      it("/frist <the other workspace's slug> is an unknown committee", async () => {
        const slug = other.slug;
        const res = await command(side, "/frist", `${slug} alle`, GRID_USER);
        expect(isError(res.json?.text, "unknown_committee", { query: slug })).toBe(true);
        expect(wordsOf(other, everything(res.json), [slug])).toEqual([]);
      });

      it("/mandat search finds words of the own mandates only", async () => {
        const mine = await command(side, "/mandat", `search ${side.searchWord}`);
        expect(everything(mine.json)).toContain(side.searchWord);
        const theirs = await command(side, "/mandat", `search ${other.searchWord}`);
        expect(theirs.status).toBe(200);
        // The searched word is echoed in the "nothing found" reply; nothing else of the other workspace is.
        expect(wordsOf(other, everything(theirs.json), [other.searchWord])).toEqual([]);
        for (const name of Object.values(other.committees)) expect(everything(theirs.json)).not.toContain(name);
      });

      it.each(["section", "open"] as const)("a forged %s button naming the other workspace's committee is refused", async (kind) => {
        const slug = other.slug;
        const button =
          kind === "section"
            ? {
                actionId: `${ACTION_PREFIX.mandateSection}:purpose`,
                value: JSON.stringify({ committee: slug, section: "purpose", language: "en" }),
              }
            : { actionId: `${ACTION_PREFIX.openCommittee}:${slug}`, value: JSON.stringify({ committee: slug, language: "en" }) };
        const { ack, posted } = await click(side, button.actionId, button.value, GRID_USER);
        expect(ack.status).toBe(200);
        const body = await posted();
        expect(isError(body.text, "unknown_committee", { query: slug })).toBe(true);
        expect(wordsOf(other, everything(body), [slug])).toEqual([]);
      });

      it("/frist done and /frist waive of the other workspace's deadline change nothing, even for its secretariat", async () => {
        const theirs = await prismaOf(db).deadline.findMany({
          where: { committee: { workspaceId: other.team }, status: "open" },
          select: { id: true },
        });
        expect(theirs.length).toBeGreaterThan(0);
        const before = await snapshot(db);
        for (const { id } of theirs) {
          for (const user of [GRID_USER, side.secretariat, other.secretariat]) {
            for (const text of [`done ${id}`, `waive #${id} not ours`]) {
              const res = await command(side, "/frist", text, user);
              expect(res.status).toBe(200);
              expect(isError(res.json?.text, "unknown_deadline", { id }), `/frist ${text} by ${user}: ${res.json?.text}`).toBe(true);
              expect(wordsOf(other, everything(res.json))).toEqual([]);
            }
          }
        }
        expect(await snapshot(db)).toEqual(before);
      });
    });

    it("the same slug in both workspaces: each sees its own committee and its own deadline", async () => {
      for (const side of [A, B]) {
        const other = otherThan(side);
        const shown = everything((await command(side, "/mandat", "faelles")).json);
        expect(shown).toContain(side.committees.faelles);
        expect(shown).not.toContain(other.committees.faelles);
        const deadlines = everything((await command(side, "/frist", "faelles alle")).json);
        expect(deadlines).toContain(side.deadlines[1]);
        expect(deadlines).not.toContain(other.deadlines[1]);
      }
    });

    /**
     * A bot that serves one workspace is reached only through its own app (its signing secret),
     * yet a correctly signed request may name another workspace (a Slack Connect channel, an app
     * installed in more than one workspace). Bolt asks our `authorize` with the request's team
     * id; it refuses any team but the bot's own, so Bolt calls no listener and acknowledges with
     * an empty 200: the caller sees neither workspace's committees, and nothing changes.
     * (Before that check, bot A answered a request naming B with B's committees from the shared
     * database: docs/decisions/2026-11-23-foreign-workspace-requests.md.)
     */
    describe("a request naming the other workspace, sent to a bot that serves one workspace", () => {
      it("signed with the other app's secret: refused with 401 before anything is read", async () => {
        const res = await postSigned(
          botOf(A).eventsUrl,
          slashCommandForm({ command: "/mandat", text: "", team_id: B.team, user_id: B.secretariat }),
          { secret: B.secret },
        );
        expect(res.status).toBe(401);
        expect(wordsOf(A, res.text)).toEqual([]);
        expect(wordsOf(B, res.text)).toEqual([]);
      });

      it.each([
        { served: A, foreign: B },
        { served: B, foreign: A },
      ])(
        "bot $served.name answers commands and buttons from workspace $foreign.name with an empty ack and nothing else",
        async ({ served, foreign }) => {
          const before = await snapshot(db);
          const theirDeadline = before.deadlines.find(
            (d) => before.committees.find((c) => c.id === d.committeeId)?.workspaceId === foreign.team,
          );
          const slug = foreign.slug;
          const since = fake.calls.length;
          for (const [name, text, user] of [
            ["/mandat", "", GRID_USER],
            ["/mandat", slug, GRID_USER],
            ["/mandat", "faelles", OUTSIDER],
            ["/frist", "alle", foreign.secretariat],
            ["/mandat", `search ${foreign.searchWord}`, OUTSIDER],
            ["/frist", `done ${theirDeadline?.id}`, GRID_USER],
            ["/frist", `waive ${theirDeadline?.id} because`, foreign.secretariat],
          ] as const) {
            const res = await command(foreign, name, text, user, served);
            // Bolt's answer when authorize refuses: the request is acknowledged with an empty body.
            expect(res.status, `${name} ${text}`).toBe(200);
            expect(res.text, `${name} ${text}`).toBe("");
          }
          const { id, ack } = await click(
            foreign,
            `${ACTION_PREFIX.openCommittee}:${slug}`,
            JSON.stringify({ committee: slug, language: "en" }),
            GRID_USER,
            served,
          );
          expect(ack.status).toBe(200);
          expect(ack.text).toBe("");
          // No reply later either: nothing was posted to any response_url, and no Web API call was made.
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(fake.calls.slice(since).map((c) => c.method)).toEqual([]);
          expect(fake.calls.some((c) => c.method === `response_url:${id}`)).toBe(false);
          expect(await snapshot(db)).toEqual(before);
          // The operator sees why: the refusal names both workspaces.
          const refusals = logs
            .get(served.name)
            ?.entries.filter(
              (e) => e.level === "error" && e.text.includes(`a request from workspace ${foreign.team}; this bot serves ${served.team}`),
            );
          expect(refusals?.length).toBe(8);
        },
      );
    });

    it("an uninstall event about the other workspace (Bolt does not authorise those) changes nothing; about its own, it is believed", async () => {
      const before = await snapshot(db);
      const foreign = await postSignedEvent(botOf(A).eventsUrl, eventCallback(B.team, { type: "app_uninstalled" }), { secret: A.secret });
      expect(foreign.status).toBe(200);
      await eventually("the warning about the foreign uninstall event", async () =>
        logs.get(A.name)?.entries.find((e) => e.level === "warn" && e.text.includes("ignored an uninstall event about another workspace")),
      );
      expect(await snapshot(db)).toEqual(before);
      // The control: about its own workspace, the event marks it uninstalled (and installing again, here a restart, undoes it).
      await postSignedEvent(botOf(A).eventsUrl, eventCallback(A.team, { type: "app_uninstalled" }), { secret: A.secret });
      await eventually(
        "workspace A marked uninstalled",
        async () => (await prismaOf(db).workspace.findUniqueOrThrow({ where: { id: A.team } })).uninstalledAt ?? undefined,
      );
      await prismaOf(db).workspace.update({ where: { id: A.team }, data: { uninstalledAt: null } });
    });

    it("the workspace's own secretariat (the person refused from the other workspace) can waive it from there", async () => {
      // The control for the refusals above: the same person, the same deadline, from workspace B.
      const deadline = await prismaOf(db).deadline.findFirstOrThrow({
        where: { committee: { workspaceId: B.team, slug: "beta-raadet" }, status: "open" },
        select: { id: true },
      });
      const res = await command(B, "/frist", `waive ${deadline.id} handled elsewhere`, GRID_USER);
      expect(res.status).toBe(200);
      expect(everything(res.json)).toContain(B.deadlines[0]);
      const row = await prismaOf(db).deadline.findUniqueOrThrow({ where: { id: deadline.id } });
      expect(row).toMatchObject({ status: "waived", resolvedBy: GRID_USER, waiveReason: "handled elsewhere" });
    });
  });
});
