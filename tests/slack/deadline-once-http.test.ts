import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { importMandates, type RunningBot, startTestBot } from "../support/bot.js";
import { databaseKinds, openTestDatabase } from "../support/database.js";
import { ROOT } from "../support/paths.js";
import { postSigned, type SlackResponse, slashCommandForm } from "../support/slack-request.js";

/**
 * The same `/frist <committee> ny <date> <title>` sent several times at once (a double submit,
 * a retried request, two people at the same moment) through the real bot over signed HTTP: the
 * database stores one row, one caller hears "added" and every other one "already exists #N".
 */

const NOW = new Date("2026-11-23T09:00:00Z");
const MEMBERS_ONLY = path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml");
const CHAIR = "U0LUKCHAIR";
const SECRETARIAT = "U0LUKSEKR";

const add = (text: string, user = CHAIR) => slashCommandForm({ command: "/frist", text: `slack-lukket ny ${text}`, user_id: user });

/** What the caller reads: the reply's fallback text. */
const textOf = (res: SlackResponse) => String(res.json?.text ?? "");
const added = (title: string) => new RegExp(`^Frist #(\\d+) “${title}” den .* er tilføjet for `);
const exists = (id: number, title: string) => `Frist #${id} “${title}” den 1. juni 2027 findes allerede`;

describe.each(databaseKinds())("the same deadline added at once on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("one row, one `added`, the others `already exists #N`", () => {
    let db: Database;
    let bot: RunningBot;

    beforeAll(async () => {
      db = await openTestDatabase(kind);
      bot = await startTestBot(db, { clock: () => NOW });
      await importMandates(bot, [MEMBERS_ONLY], NOW);
    });
    afterAll(async () => {
      await bot?.stop();
      await db?.close();
    });

    const rows = (title: string) => prismaOf(db).deadline.findMany({ where: { title }, orderBy: { id: "asc" } });

    /** Sends `forms` all at once and sorts the answers into the one that added and those that were told. */
    async function sendAtOnce(forms: Record<string, string>[], title: string) {
      const responses = await Promise.all(forms.map((form) => postSigned(bot.eventsUrl, form)));
      expect(responses.map((r) => r.status)).toEqual(forms.map(() => 200));
      const stored = await rows(title);
      expect(stored, `rows titled ${title}`).toHaveLength(1);
      const [row] = stored;
      if (!row) throw new Error("no row");
      const texts = responses.map(textOf);
      const winners = texts.filter((t) => added(title).test(t));
      expect(winners, texts.join("\n")).toEqual([
        `Frist #${row.id} “${title}” den 1. juni 2027 er tilføjet for Lukket styregruppe Ørnereden.`,
      ]);
      expect(texts.filter((t) => t.startsWith(exists(row.id, title)))).toHaveLength(forms.length - 1);
      return row;
    }

    it("5 identical signed requests at once: one row, one `added`, four `already exists #N`", async () => {
      await sendAtOnce(
        Array.from({ length: 5 }, () => add("1.6.2027 Slutrapport")),
        "Slutrapport",
      );
    });

    it("two people at once (the chair and the secretariat), each twice: still one row", async () => {
      const row = await sendAtOnce(
        [
          add("1.6.2027 Budget", CHAIR),
          add("1.6.2027 Budget", SECRETARIAT),
          add("1.6.2027 Budget", CHAIR),
          add("1.6.2027 Budget", SECRETARIAT),
        ],
        "Budget",
      );
      expect([CHAIR, SECRETARIAT]).toContain(row.createdBy);
    });

    it("a retried delivery of the request (X-Slack-Retry-Num) adds nothing either", async () => {
      const first = await postSigned(bot.eventsUrl, add("1.6.2027 Evaluering"));
      const [row] = await rows("Evaluering");
      if (!row) throw new Error("not added");
      expect(textOf(first)).toMatch(added("Evaluering"));
      for (const retryNum of [1, 2, 3]) {
        const retried = await postSigned(bot.eventsUrl, add("1.6.2027 Evaluering"), { retryNum });
        expect(retried.status).toBe(200);
        expect(textOf(retried)).toContain(exists(row.id, "Evaluering"));
      }
      expect(await rows("Evaluering")).toHaveLength(1);
    });
  });
});
