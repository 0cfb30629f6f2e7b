import { describe, expect, it } from "vitest";
import type { Reply } from "../../commands/reply.js";
import { prismaOf } from "../../src/db/connect.js";
import type { Caller } from "../../src/domain/caller.js";
import { PUBLIC_LISTED_MAX } from "../../src/domain/deadline.js";
import type { Language } from "../../src/domain/language.js";
import { messages } from "../../src/i18n/index.js";
import type { Services } from "../../src/services/create-services.js";
import { databaseKinds } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import {
  addDaysTo,
  CHAIR,
  deadlineIdByKey,
  expectError,
  expectKind,
  importAll,
  MEMBER,
  mrkdwnTexts,
  NOW,
  OUTSIDER,
  type RunOptions,
  run,
  SAERUDVALG_V1,
  SECRETARIAT,
  SECRETARIAT_BY_EMAIL,
  useDatabase,
} from "./helpers.js";

type Deadlines = Extract<Reply, { kind: "deadlines" }>;

async function seed(services: Services): Promise<void> {
  await importAll(services, MANDATES_DIR);
  await importAll(services, SAERUDVALG_V1);
}

/** [committee slug, sourceKey or title, state, days left] per listed deadline. */
function rows(reply: Deadlines): [string, string, string, number][] {
  return reply.items.map((v) => [v.committee.slug, v.deadline.sourceKey ?? v.deadline.title, v.status.state, v.status.daysLeft]);
}

describe.each(databaseKinds())("/frist on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("/frist", () => {
    describe("listing", () => {
      const harness = useDatabase(kind, seed);
      const frist = (text: string, caller: Caller = OUTSIDER, options: RunOptions = {}) =>
        run(harness().services, "/frist", text, caller, options);

      it("shows someone on no roster the public committees' open deadlines for 90 days and the overdue ones, soonest first", async () => {
        const answer = await frist("");
        const reply = expectKind(answer.reply, "deadlines");
        expect(reply.publicOnly).toBe(true);
        expect(reply.listing).toBe("upcoming");
        expect(reply.committee).toBeUndefined();
        expect(reply.language).toBe("en");
        expect(rows(reply)).toEqual([
          ["dk-personlig-medicin", "obligation:evaluering:2025-12-31", "overdue", -327],
          ["norprem", "obligation:status-og-budsjett:2026-06-30", "overdue", -146],
          ["norprem", "obligation:regional-orientering:2026-09-30", "overdue", -54],
          ["dk-personlig-medicin", "obligation:evaluering:2026-12-31", "open", 38],
          ["norprem", "obligation:status-og-budsjett:2026-12-31", "open", 38],
          ["norprem", "obligation:regional-orientering:2026-12-31", "open", 38],
        ]);

        const { text } = answer;
        expect(text).toContain("== Deadlines: next 90 days and overdue ==");
        expect(text).toContain("You are not on the roster of any committee; these are the public committees' deadlines.");
        expect(text).toContain(
          "30 September 2026 · 54 days overdue · Owner: Regional leder (regional fagnettverksleder): Helse Sør-Øst, Helse Vest, Helse Midt-Norge, Helse Nord · To: Regionale fagdirektørmøter · Recurring duty in the mandate",
        );
        expect(text).toContain("31 December 2026 · in 38 days · Owner: Chair · Recurring duty in the mandate");
        expect(text).toContain("Owner: Nasjonal leder for NorPreM · To: Interregionalt fagdirektørmøte");
        // Soonest first in what the reader sees, too.
        const shown = [...text.matchAll(/^\S+ #(\d+) /gm)].map((m) => Number(m[1]));
        expect(shown).toEqual(reply.items.map((v) => v.deadline.id));
      });

      it("shows a member only their own committee's deadlines, in its language", async () => {
        const answer = await frist("", MEMBER);
        const reply = expectKind(answer.reply, "deadlines");
        expect(reply.publicOnly).toBe(false);
        expect(reply.language).toBe("da");
        expect(rows(reply)).toEqual([
          ["saerudvalg", "obligation:budgetopfoelgning:2026-12-01", "open", 8],
          ["saerudvalg", "obligation:statusrapport:2026-12-15", "open", 22],
          ["saerudvalg", "deadline:aarsberetning", "open", 53],
        ]);
        expect(answer.text).toContain("== Frister: de næste 90 dage og overskredne ==");
        expect(answer.text).toContain(
          "1. december 2026 · om 8 dage · Ansvarlig: Formand: @U0CHAIR · Tilbagevendende forpligtelse i kommissoriet",
        );
        expect(answer.text).toContain("15. januar 2027 · om 53 dage · Ansvarlig: Formand · Til: Direktionen · Fra kommissoriet");
        expect(answer.text).not.toContain("You are not on the roster");
        // The owner's seat is a Slack mention in the blocks.
        expect(mrkdwnTexts(answer.message.blocks).join("\n")).toContain("<@U0CHAIR>");
      });

      it("knows the secretariat by e-mail", async () => {
        const reply = expectKind((await frist("", SECRETARIAT_BY_EMAIL)).reply, "deadlines");
        expect(reply.publicOnly).toBe(false);
        expect(reply.items.map((v) => v.committee.slug)).toEqual(["saerudvalg", "saerudvalg", "saerudvalg"]);
      });

      it.each([
        ["norprem", "norprem"],
        ["persontilpasset", "norprem"],
        ["NorPreM", "norprem"],
      ])("lists one committee named %j", async (query, slug) => {
        const answer = await frist(query);
        const reply = expectKind(answer.reply, "deadlines");
        expect(reply.committee?.committee.slug).toBe(slug);
        expect(reply.publicOnly).toBe(false);
        expect(reply.language).toBe("nb");
        expect(rows(reply)).toEqual([
          ["norprem", "obligation:status-og-budsjett:2026-06-30", "overdue", -146],
          ["norprem", "obligation:regional-orientering:2026-09-30", "overdue", -54],
          ["norprem", "obligation:status-og-budsjett:2026-12-31", "open", 38],
          ["norprem", "obligation:regional-orientering:2026-12-31", "open", 38],
        ]);
        expect(answer.text).toContain("== Frister for Nasjonalt kompetansenettverk for persontilpasset medisin ==");
        expect(answer.text).toContain("54 dager over fristen");
        expect(answer.text).toContain("om 38 dager");
        expect(answer.text).toContain("Fast forpliktelse i mandatet");
      });

      it("says so when a committee has nothing due", async () => {
        const answer = await frist("gms-2024");
        expect(expectKind(answer.reply, "deadlines").items).toEqual([]);
        expect(answer.text).toContain("Inget förfaller de närmaste 90 dagarna och inget är försenat.");
      });

      it("does not show the members-only committee's deadlines to a non-member", async () => {
        const answer = await frist("saerudvalg");
        expect(expectError(answer.reply).code).toBe("unknown_committee");
        const member = expectKind((await frist("saerudvalg", MEMBER)).reply, "deadlines");
        expect(member.items).toHaveLength(3);
      });

      it.each([["alla"], ["alle"], ["all"], ["ALLA"]])("%s includes GMS 2024's past deadlines, missed", async (word) => {
        const answer = await frist(`gms-2024 ${word}`);
        const reply = expectKind(answer.reply, "deadlines");
        expect(reply.listing).toBe("all");
        expect(reply.language).toBe("sv");
        expect(rows(reply)).toEqual([
          ["gms-2024", "deadline:rekvisition-49-5-mkr", "missed", -752],
          ["gms-2024", "deadline:rekvisition-500-tkr", "missed", -752],
          ["gms-2024", "deadline:aterbetalning", "missed", -602],
          ["gms-2024", "deadline:ekonomisk-redovisning", "missed", -602],
          ["gms-2024", "deadline:redovisning-av-uppdraget", "missed", -602],
        ]);
        expect(answer.text).toContain("== Alla tidsfrister för Uppdrag att betala ut medel till Genomic Medicine Sweden 2024 ==");
        expect(answer.text).toContain(
          "1 november 2024 · missad · Ansvarig: Kontaktperson för uppdraget: Socialstyrelsen · Till: Kammarkollegiet · Från uppdraget",
        );
        expect(answer.text.match(/ · missad · /g)).toHaveLength(5);
      });

      it("lists everything, past and far ahead, without a committee too: a short page at a time for someone on no roster", async () => {
        const reply = expectKind((await frist("alle")).reply, "deadlines");
        expect(reply.listing).toBe("all");
        expect(reply.publicOnly).toBe(true);
        expect(reply.items).toHaveLength(PUBLIC_LISTED_MAX);
        expect(reply.total).toBeGreaterThan(PUBLIC_LISTED_MAX);
        // Page after page, as the "more" button asks, the whole list.
        const items = [...reply.items];
        for (let after = reply.next; after; ) {
          const page = await harness().services.deadlines.list(OUTSIDER, { kind: "public" }, "all", NOW, {
            limit: PUBLIC_LISTED_MAX,
            after,
          });
          items.push(...page.items);
          after = page.next;
        }
        expect(items).toHaveLength(reply.total);
        const slugs = new Set(items.map((v) => v.committee.slug));
        expect([...slugs].sort()).toEqual(["dk-personlig-medicin", "gms-2022", "gms-2024", "norprem"]);
        const keys = items.map((v) => v.deadline.sourceKey);
        expect(keys).toContain("deadline:rekvisition-49-5-mkr");
        expect(keys).toContain("deadline:rekvisition");
        expect(keys).toContain("obligation:regional-orientering:2027-03-31");
        const dates = items.map((v) => v.deadline.dueDate);
        expect(dates).toEqual([...dates].sort());
      });

      it("shows the day it describes: on 2024-10-01 the requisition of 1 November 2024 is open with 31 days left", async () => {
        const now = new Date("2024-10-01T08:00:00Z");
        const answer = await frist("", OUTSIDER, { now, asOfGiven: true });
        const reply = expectKind(answer.reply, "deadlines");
        expect(reply.asOf).toEqual(now);
        const gms = rows(reply).filter(([slug]) => slug === "gms-2024");
        expect(gms).toEqual([
          ["gms-2024", "deadline:rekvisition-49-5-mkr", "open", 31],
          ["gms-2024", "deadline:rekvisition-500-tkr", "open", 31],
        ]);
        expect(answer.text).toContain("As of 1 October 2024");
        expect(answer.text).toContain(
          "1 November 2024 · in 31 days · Owner: Kontaktperson för uppdraget: Socialstyrelsen · To: Kammarkollegiet · From the mandate",
        );

        const swedish = await frist("gms-2024", OUTSIDER, { now, asOfGiven: true });
        expect(rows(expectKind(swedish.reply, "deadlines")).map(([, , state, days]) => [state, days])).toEqual([
          ["open", 31],
          ["open", 31],
        ]);
        expect(swedish.text).toContain("om 31 dagar");
        expect(swedish.text).toContain("Per 1 oktober 2024");
      });

      it("does not say 'as of' when the moment is the clock's", async () => {
        const answer = await frist("gms-2024 alla");
        expect(expectKind(answer.reply, "deadlines").asOf).toBeUndefined();
        expect(answer.text).not.toContain("Per ");
      });

      it.each<[string, Language]>([
        ["dk-personlig-medicin", "da"],
        ["norprem", "nb"],
        ["gms-2022 alla", "sv"],
      ])("answers %s in the committee's language, or in the one asked for", async (text, language) => {
        const own = await frist(text);
        expect(expectKind(own.reply, "deadlines").language).toBe(language);
        const english = await frist(text, OUTSIDER, { language: "en" });
        expect(expectKind(english.reply, "deadlines").language).toBe("en");
        expect(english.text).toMatch(/== (All deadlines|Deadlines) for /);
      });

      it.each<[string, Language]>([
        ["hjælp", "da"],
        ["hjelp", "nb"],
        ["hjälp", "sv"],
        ["help", "en"],
      ])("%s answers the help", async (word, language) => {
        const answer = await frist(word, OUTSIDER, { defaultLanguage: language });
        const reply = expectKind(answer.reply, "help");
        expect(reply.command).toBe("frist");
        expect(answer.text).toContain(messages(language).help.frist.title);
      });
    });

    describe("adding", () => {
      const harness = useDatabase(kind, seed);
      const frist = (text: string, caller: Caller, options: RunOptions = {}) => run(harness().services, "/frist", text, caller, options);
      const count = () => prismaOf(harness().db).deadline.count();

      it.each<[string, Caller, string]>([
        ["the secretariat", SECRETARIAT, "U0SEC"],
        ["the chair", CHAIR, "U0CHAIR"],
        ["the secretariat by e-mail", SECRETARIAT_BY_EMAIL, "secretariat@example.org"],
      ])("lets %s add a deadline", async (_label, caller, by) => {
        const before = await count();
        const title = `Forberede seminar (${by})`;
        const answer = await frist(`saerudvalg ny 2027-02-01 ${title}`, caller);
        const reply = expectKind(answer.reply, "deadline-changed");
        expect(reply.change).toBe("added");
        expect(reply.language).toBe("da");
        expect(reply.view.deadline).toMatchObject({
          source: "manual",
          sourceKey: null,
          title,
          dueDate: "2027-02-01",
          owner: { role: "secretariat" },
          status: "open",
          createdBy: by,
          createdAt: NOW,
        });
        expect(reply.view.status).toEqual({ state: "open", daysLeft: 70 });
        expect(answer.text).toContain(
          `Frist #${reply.view.deadline.id} “${title}” den 1. februar 2027 er tilføjet for Særudvalget for fortrolig medicin.`,
        );
        expect(await count()).toBe(before + 1);

        const row = await prismaOf(harness().db).deadline.findUnique({ where: { id: reply.view.deadline.id } });
        expect(row).toMatchObject({ source: "manual", title, createdBy: by, status: "open" });

        // And the listing shows it as added by hand, by whom.
        const listing = await frist("saerudvalg", MEMBER);
        const item = expectKind(listing.reply, "deadlines").items.find((v) => v.deadline.id === reply.view.deadline.id);
        expect(item?.deadline.source).toBe("manual");
        expect(listing.text).toContain(
          `1. februar 2027 · om 70 dage · Ansvarlig: Sekretariat · Tilføjet af ${by.startsWith("U") ? `@${by}` : by}`,
        );
      });

      it("accepts `new` and the committee by a fragment of its name", async () => {
        const reply = expectKind((await frist("Særudvalget new 2027-02-02 Budgetmøde", CHAIR)).reply, "deadline-changed");
        expect(reply.view.committee.slug).toBe("saerudvalg");
        expect(reply.view.deadline.title).toBe("Budgetmøde");
      });

      it.each<[string, Caller, RunOptions, string, Language, string]>([
        [
          "a plain member",
          MEMBER,
          {},
          "saerudvalg",
          "da",
          "Kun formanden og sekretariatet for saerudvalg kan tilføje, udføre eller frafalde udvalgets frister.",
        ],
        // Someone on no roster has no language of their own: the committee's is the best guess.
        [
          "someone on no roster",
          OUTSIDER,
          {},
          "norprem",
          "nb",
          "Bare lederen og sekretariatet for norprem kan legge til, utføre eller frafalle utvalgets frister.",
        ],
        [
          "someone on no roster who asked for English",
          OUTSIDER,
          { language: "en" },
          "norprem",
          "en",
          "Only the chair and the secretariat of norprem can add, complete or waive its deadlines.",
        ],
        ["a Danish member on another committee", MEMBER, {}, "norprem", "da", "Kun formanden og sekretariatet for norprem kan tilføje"],
        [
          "the Danish secretariat on another committee",
          SECRETARIAT,
          {},
          "gms-2024",
          "da",
          "Kun formanden og sekretariatet for gms-2024 kan tilføje",
        ],
      ])("refuses %s, saying why in their language, and adds nothing", async (_label, caller, options, slug, language, words) => {
        const before = await count();
        const answer = await frist(`${slug} ny 2027-02-01 Ikke tilladt`, caller, options);
        const error = expectError(answer.reply);
        expect(error.code).toBe("not_allowed_to_edit_deadlines");
        expect(expectKind(answer.reply, "error").language).toBe(language);
        expect(answer.text).toContain(words);
        expect(await count()).toBe(before);
        expect(await prismaOf(harness().db).deadline.count({ where: { title: "Ikke tilladt" } })).toBe(0);
      });

      it("answers a non-member adding to the members-only committee as if it did not exist", async () => {
        const before = await count();
        const answer = await frist("saerudvalg ny 2027-02-01 Hemmeligt", OUTSIDER);
        expect(expectError(answer.reply).code).toBe("unknown_committee");
        expect(await count()).toBe(before);
      });

      describe("dates", () => {
        // Mid-January 2025, so the issue's examples (31 March 2025) lie ahead.
        const JANUARY = new Date("2025-01-15T09:00:00Z");

        it.each([
          ["2025-03-31", "2025-03-31"],
          ["31.3.2025", "2025-03-31"],
          ["31.03.2025", "2025-03-31"],
          ["31/3 2025", "2025-03-31"],
          ["31/3/2025", "2025-03-31"],
          ["31 mars 2025", "2025-03-31"],
          ["31. marts 2025", "2025-03-31"],
          ["March 31 2025", "2025-03-31"],
          ["March 31, 2025", "2025-03-31"],
          ["31 MARS 2025", "2025-03-31"],
          // Without a year: the next such day.
          ["31.3", "2025-03-31"],
          ["31. marts", "2025-03-31"],
          ["March 31", "2025-03-31"],
          ["15.1", "2025-01-15"],
          ["14.1", "2026-01-14"],
          ["14. januar", "2026-01-14"],
        ])("reads %j as %s", async (input, date) => {
          const answer = await frist(`saerudvalg ny ${input} Rapport til styrelsen`, SECRETARIAT, { now: JANUARY });
          const reply = expectKind(answer.reply, "deadline-changed");
          expect(reply.view.deadline.dueDate).toBe(date);
          expect(reply.view.deadline.title).toBe("Rapport til styrelsen");
          expect(reply.view.deadline.createdAt).toEqual(JANUARY);
          // Removed again: several inputs name the same day, and a second one would already exist.
          await prismaOf(harness().db).deadline.delete({ where: { id: reply.view.deadline.id } });
        });

        it("reads any whitespace between the words as one space, and stores the title so", async () => {
          const answer = await frist("saerudvalg  ny\u00a031.3.2025\tRapport  til\nstyrelsen ", SECRETARIAT, { now: JANUARY });
          const reply = expectKind(answer.reply, "deadline-changed");
          expect(reply.view.deadline.dueDate).toBe("2025-03-31");
          expect(reply.view.deadline.title).toBe("Rapport til styrelsen");
          await prismaOf(harness().db).deadline.delete({ where: { id: reply.view.deadline.id } });
        });

        it("reads a date without a year as the next one after the moment asked about", async () => {
          const reply = expectKind((await frist("saerudvalg ny 31.3 Kvartalsregnskab", SECRETARIAT)).reply, "deadline-changed");
          expect(reply.view.deadline.dueDate).toBe("2027-03-31");
        });

        it("accepts today in the committee's zone, and refuses yesterday", async () => {
          const today = expectKind((await frist("saerudvalg ny 23.11.2026 I dag", SECRETARIAT)).reply, "deadline-changed");
          expect(today.view.status).toEqual({ state: "open", daysLeft: 0 });

          const before = await count();
          const yesterday = await frist("saerudvalg ny 22.11.2026 I går", SECRETARIAT);
          const error = expectError(yesterday.reply, "date_in_past");
          expect(error.params.date).toBe("2026-11-22");
          expect(yesterday.text).toContain("er overstået");
          expect(await count()).toBe(before);
        });

        it("uses the committee's local day: at 23:30 UTC it is already tomorrow in Copenhagen", async () => {
          const before = await count();
          const lateEvening = new Date("2026-11-23T23:30:00Z");
          const answer = await frist("saerudvalg ny 23.11.2026 For sent", SECRETARIAT, { now: lateEvening });
          expect(expectError(answer.reply).code).toBe("date_in_past");
          expect(await count()).toBe(before);
        });

        it.each([
          ["2025-03-31 Gammel frist", "date_in_past"],
          ["31. marts 2025 Gammel frist", "date_in_past"],
          ["snart Noget", "not_a_date"],
          ["31.3.25 Rapport", "not_a_date"],
          ["i morgen Rapport", "not_a_date"],
          ["31.2.2027 Rapport", "no_such_day"],
          ["31.12.9999 Rapport", "date_out_of_range"],
          ["9999-12-31 Rapport", "date_out_of_range"],
          ["1. januar 2201 Rapport", "date_out_of_range"],
          ["2027-02-01", "title_missing"],
          ["2027-02-01    ", "title_missing"],
          ["", "not_a_date"],
        ])("refuses %j with %s and adds nothing", async (rest, code) => {
          const before = await count();
          const answer = await frist(`saerudvalg ny ${rest}`, SECRETARIAT);
          expect(expectError(answer.reply).code).toBe(code);
          expect(expectKind(answer.reply, "error").language).toBe("da");
          expect(await count()).toBe(before);
        });

        it("says which years a date may fall in", async () => {
          const answer = await frist("saerudvalg ny 31.12.9999 Rapport", SECRETARIAT);
          expect(expectError(answer.reply, "date_out_of_range").params).toEqual({ input: "31.12.9999 Rapport", from: 1900, to: 2200 });
          expect(answer.text).toContain("“31.12.9999 Rapport” ligger for langt væk: en dato skal ligge i årene 1900–2200.");
        });

        it("tells what was typed when it is not a date", async () => {
          const answer = await frist("saerudvalg ny snart Noget vigtigt", SECRETARIAT);
          expect(expectError(answer.reply, "not_a_date").params.input).toBe("snart Noget vigtigt");
          expect(answer.text).toContain("“snart Noget vigtigt” er ikke en dato.");
        });

        it("asks for a title in the caller's language", async () => {
          const answer = await frist("saerudvalg ny 2027-02-01", SECRETARIAT);
          expect(answer.text).toContain("Giv fristen en titel efter datoen");
        });
      });
    });

    describe("completing and waiving", () => {
      const harness = useDatabase(kind, seed);
      const frist = (text: string, caller: Caller, options: RunOptions = {}) => run(harness().services, "/frist", text, caller, options);
      let serial = 0;
      /** A fresh open deadline of the members-only committee, added by the secretariat. */
      const added = async (): Promise<number> => {
        serial += 1;
        const reply = expectKind(
          (await frist(`saerudvalg ny 2027-02-${String(serial).padStart(2, "0")} Opgave ${serial}`, SECRETARIAT)).reply,
          "deadline-changed",
        );
        return reply.view.deadline.id;
      };
      const row = async (id: number) => prismaOf(harness().db).deadline.findUniqueOrThrow({ where: { id } });

      it.each<[string, Caller]>([
        ["done", SECRETARIAT],
        ["udført", SECRETARIAT],
        ["utført", CHAIR],
        ["klar", CHAIR],
        ["DONE", SECRETARIAT_BY_EMAIL],
      ])("%s <id> marks a deadline done", async (word, caller) => {
        const id = await added();
        const answer = await frist(`${word} ${id}`, caller);
        const reply = expectKind(answer.reply, "deadline-changed");
        expect(reply.change).toBe("done");
        expect(reply.language).toBe("da");
        expect(reply.view.status.state).toBe("done");
        expect(answer.text).toContain(`Frist #${id} “Opgave ${serial}” er markeret som udført.`);
        expect(await row(id)).toMatchObject({
          status: "done",
          resolvedAt: NOW,
          resolvedBy: caller.slackUserId ?? caller.email,
        });
      });

      it("accepts the number written #12", async () => {
        const id = await added();
        expect(expectKind((await frist(`done #${id}`, CHAIR)).reply, "deadline-changed").view.deadline.id).toBe(id);
      });

      it("completes a deadline planned from the mandate", async () => {
        const id = await deadlineIdByKey(harness().db, "saerudvalg", "obligation:statusrapport:2026-12-15");
        const reply = expectKind((await frist(`udført ${id}`, SECRETARIAT)).reply, "deadline-changed");
        expect(reply.view.deadline.sourceKey).toBe("obligation:statusrapport:2026-12-15");
        expect((await row(id)).status).toBe("done");
      });

      it("says a deadline is already resolved the second time, and keeps the first resolution", async () => {
        const id = await added();
        expectKind((await frist(`done ${id}`, SECRETARIAT)).reply, "deadline-changed");
        const later = addDaysTo(NOW, 1);
        const again = await frist(`done ${id}`, CHAIR, { now: later });
        const error = expectError(again.reply);
        expect(error.code).toBe("deadline_already_resolved");
        expect(error.params).toMatchObject({ id, status: "done" });
        expect(again.text).toContain(`Frist #${id} er allerede udført.`);
        expect(await row(id)).toMatchObject({ status: "done", resolvedBy: "U0SEC", resolvedAt: NOW });

        const waive = expectError((await frist(`waive ${id} for sent`, CHAIR)).reply);
        expect(waive.code).toBe("deadline_already_resolved");
      });

      it("refuses a plain member and leaves the deadline open", async () => {
        const id = await added();
        const answer = await frist(`udført ${id}`, MEMBER);
        expect(expectError(answer.reply).code).toBe("not_allowed_to_edit_deadlines");
        expect(answer.text).toContain("Kun formanden og sekretariatet for saerudvalg");
        expect((await frist(`waive ${id} ingen grund`, MEMBER)).reply).toMatchObject({
          kind: "error",
          error: { code: "not_allowed_to_edit_deadlines" },
        });
        expect(await row(id)).toMatchObject({ status: "open", resolvedAt: null, resolvedBy: null });
      });

      it("refuses someone on no roster a public committee's deadline", async () => {
        const id = await deadlineIdByKey(harness().db, "norprem", "obligation:status-og-budsjett:2026-12-31");
        const answer = await frist(`done ${id}`, OUTSIDER);
        expect(expectError(answer.reply).code).toBe("not_allowed_to_edit_deadlines");
        expect(answer.text).toContain("Bare lederen og sekretariatet for norprem");
        expect((await row(id)).status).toBe("open");
      });

      it("answers an unknown number, and a members-only committee's deadline to an outsider, alike", async () => {
        const hidden = await added();
        const missing = 987654;
        const outsider = await frist(`done ${hidden}`, OUTSIDER);
        const unknown = await frist(`done ${missing}`, OUTSIDER);
        expect(expectError(outsider.reply)).toMatchObject({ code: "unknown_deadline", params: { id: hidden } });
        expect(expectError(unknown.reply)).toMatchObject({ code: "unknown_deadline", params: { id: missing } });
        expect(outsider.text).toBe(unknown.text.replace(String(missing), String(hidden)));
        expect(expectError((await frist(`waive ${hidden} ingen grund`, OUTSIDER)).reply).code).toBe("unknown_deadline");
        expect(await row(hidden)).toMatchObject({ status: "open", resolvedBy: null });
      });

      it.each([["done"], ["done abc"], ["waive"], ["udført #"]])("asks for the number after %j", async (text) => {
        expect(expectError((await frist(text, SECRETARIAT)).reply).code).toBe("deadline_id_missing");
      });

      it.each<[string, Caller]>([
        ["waive", CHAIR],
        ["frafald", SECRETARIAT],
        ["avskriv", SECRETARIAT_BY_EMAIL],
      ])("%s <id> <reason> waives a deadline with the reason", async (word, caller) => {
        const id = await added();
        const answer = await frist(`${word} ${id}   Udsat af direktionen`, caller);
        const reply = expectKind(answer.reply, "deadline-changed");
        expect(reply.change).toBe("waived");
        expect(reply.view.status.state).toBe("waived");
        expect(answer.text).toContain(`Frist #${id} “Opgave ${serial}” er frafaldet.`);
        expect(await row(id)).toMatchObject({ status: "waived", waiveReason: "Udsat af direktionen", resolvedAt: NOW });

        const listing = await frist("saerudvalg alle", MEMBER);
        expect(expectKind(listing.reply, "deadlines").items.find((v) => v.deadline.id === id)?.status.state).toBe("waived");
        expect(listing.text).toContain("frafaldet: Udsat af direktionen");
      });

      it("refuses a reason over 500 characters and leaves the deadline open", async () => {
        const id = await added();
        const answer = await frist(`waive ${id} ${"lang grund ".repeat(46)}`, CHAIR);
        expect(expectError(answer.reply, "waive_reason_too_long").params).toEqual({ max: 500 });
        expect(answer.text).toContain("Begrundelsen er for lang: højst 500 tegn.");
        expect(await row(id)).toMatchObject({ status: "open", waiveReason: null });
      });

      it("refuses to waive without a reason and leaves the deadline open", async () => {
        const id = await added();
        const answer = await frist(`waive ${id}`, CHAIR);
        expect(expectError(answer.reply).code).toBe("waive_reason_missing");
        expect(answer.text).toContain(`/frist frafald ${id}`);
        expect(await row(id)).toMatchObject({ status: "open", waiveReason: null });
      });

      it("answers in the language asked for", async () => {
        const id = await added();
        const answer = await frist(`done ${id}`, CHAIR, { language: "en" });
        expect(expectKind(answer.reply, "deadline-changed").language).toBe("en");
        expect(answer.text).toContain(`Deadline #${id} “Opgave ${serial}” is marked done.`);
      });

      it("shows a deadline done at T as open when asked about the day before", async () => {
        const id = await deadlineIdByKey(harness().db, "saerudvalg", "obligation:budgetopfoelgning:2026-12-01");
        expectKind((await frist(`done ${id}`, CHAIR)).reply, "deadline-changed");

        const stateAt = async (now: Date, listing: "" | " alle") => {
          const reply = expectKind((await frist(`saerudvalg${listing}`, MEMBER, { now, asOfGiven: true })).reply, "deadlines");
          return reply.items.find((v) => v.deadline.id === id)?.status;
        };
        expect(await stateAt(addDaysTo(NOW, -1), " alle")).toEqual({ state: "open", daysLeft: 9 });
        expect(await stateAt(addDaysTo(NOW, -1), "")).toEqual({ state: "open", daysLeft: 9 });
        expect(await stateAt(new Date(NOW.getTime() - 1000), " alle")).toEqual({ state: "open", daysLeft: 8 });
        expect(await stateAt(NOW, " alle")).toEqual({ state: "done", daysLeft: 8 });
        expect(await stateAt(NOW, "")).toBeUndefined();
        expect(await stateAt(addDaysTo(NOW, 30), " alle")).toEqual({ state: "done", daysLeft: -22 });

        const shown = await frist("saerudvalg alle", MEMBER);
        expect(shown.text).toContain("udført 23. november 2026");
      });
    });

    describe("escaping", () => {
      const harness = useDatabase(kind, seed);
      const frist = (text: string, caller: Caller, options: RunOptions = {}) => run(harness().services, "/frist", text, caller, options);
      const TITLE = "<!channel> & <@U123>";
      const ESCAPED = "&lt;!channel&gt; &amp; &lt;@U123&gt;";
      const RAW = ["<!channel>", "<@U123>"];

      const expectEscaped = (message: { text: string; blocks: unknown[] }, label: string) => {
        const json = JSON.stringify(message.blocks);
        expect(json, label).toContain(ESCAPED);
        for (const raw of RAW) expect(json, `${label}: blocks`).not.toContain(raw);
      };

      it("stores the title as typed and shows it escaped wherever it appears", async () => {
        const added = await frist(`saerudvalg ny 24.11.2026 ${TITLE}`, SECRETARIAT);
        const reply = expectKind(added.reply, "deadline-changed");
        const id = reply.view.deadline.id;
        expect(reply.view.deadline.title).toBe(TITLE);
        expectEscaped(added.message, "the confirmation");
        // The CLI decodes the entities again.
        expect(added.text).toContain(`“${TITLE}”`);

        for (const [text, caller] of [
          ["", MEMBER],
          ["saerudvalg", MEMBER],
          ["saerudvalg alle", CHAIR],
        ] as const) {
          const listing = await frist(text, caller);
          expect(expectKind(listing.reply, "deadlines").items[0]?.deadline.id).toBe(id);
          expectEscaped(listing.message, `/frist ${text}`);
          expect(listing.text).toContain(`#${id} ${TITLE}`);
        }

        const summary = await run(harness().services, "/mandat", "saerudvalg", MEMBER);
        expect(expectKind(summary.reply, "mandate").nextDeadline?.deadline.id).toBe(id);
        expectEscaped(summary.message, "the summary");

        const done = await frist(`done ${id}`, SECRETARIAT);
        expectEscaped(done.message, "the done confirmation");
      });

      it("keeps raw mentions out of the notification text of every reply that shows the title", async () => {
        const added = await frist(`saerudvalg ny 24.11.2026 ${TITLE}`, SECRETARIAT);
        expectKind(added.reply, "deadline-changed");
        for (const raw of RAW) expect(added.message.text, "the confirmation's notification text").not.toContain(raw);
        const listing = await frist("saerudvalg", MEMBER);
        expect(expectKind(listing.reply, "deadlines").items[0]?.deadline.title).toBe(TITLE);
        for (const raw of RAW) expect(listing.message.text, "the list's notification text").not.toContain(raw);
        expect(listing.message.text).toContain(ESCAPED);
      });

      it("escapes a waive reason", async () => {
        const reply = expectKind((await frist("saerudvalg ny 2027-02-01 Almindelig frist", SECRETARIAT)).reply, "deadline-changed");
        const id = reply.view.deadline.id;
        const waived = await frist(`waive ${id} <!here> sagde nej`, CHAIR);
        expect(JSON.stringify(waived.message.blocks)).toContain("frafaldet: &lt;!here&gt; sagde nej");
        const listing = await frist("saerudvalg alle", MEMBER);
        const mrkdwn = mrkdwnTexts(listing.message.blocks).join("\n");
        expect(mrkdwn).toContain("frafaldet: &lt;!here&gt; sagde nej");
        expect(mrkdwn).not.toContain("<!here>");
      });
    });
  });
});
