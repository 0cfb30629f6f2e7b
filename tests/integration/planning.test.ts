import { describe, expect, it } from "vitest";
import type { Reply } from "../../commands/reply.js";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { toCalendarDate, toJson } from "../../src/db/convert.js";
import { createStore } from "../../src/db/store.js";
import { addDays, type CalendarDate, dateInZone } from "../../src/domain/calendar-date.js";
import type { Caller } from "../../src/domain/caller.js";
import { PLANNING_HORIZON_DAYS, plannedDeadlines, planningHorizon, planningStart } from "../../src/domain/deadline.js";
import type { Mandate } from "../../src/domain/mandate.js";
import { silentLogger } from "../../src/logging/logger.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { DeadlinePlanner, planCommittee } from "../../src/services/deadline-planner.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { databaseKinds, openReadOnlyReplica } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import {
  addDaysTo,
  CHAIR,
  committeeId,
  expectKind,
  importAll,
  MEMBER,
  NOW,
  OUTSIDER,
  PUBLIC_SLUGS,
  run,
  SAERUDVALG_V1,
  useDatabase,
} from "./helpers.js";

const SLUGS = [...PUBLIC_SLUGS, "saerudvalg"];

async function seed(services: Services): Promise<void> {
  await importAll(services, MANDATES_DIR);
  await importAll(services, SAERUDVALG_V1);
}

/** Every row of every table an import or a plan writes, in a stable order: any change shows as a difference. */
async function dump(db: Database) {
  const prisma = prismaOf(db);
  const [committees, versions, members, deadlines] = await Promise.all([
    prisma.committee.findMany({ orderBy: { id: "asc" } }),
    prisma.mandateVersion.findMany({ orderBy: { id: "asc" } }),
    prisma.member.findMany({ orderBy: { id: "asc" } }),
    prisma.deadline.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { committees, versions, members, deadlines };
}

/**
 * Where the first plan (the import at NOW) started: two years back. Later plans start later, but
 * keep what was planned before, so the rows run from here.
 */
const FIRST_FROM = planningStart(dateInZone(NOW, "Europe/Copenhagen"));

/** "<sourceKey> <due date>" of each row a mandate implies from FIRST_FROM through `through`, sorted. */
function implied(mandate: Mandate, through: CalendarDate): string[] {
  return plannedDeadlines(mandate, { from: FIRST_FROM, through })
    .map((p) => `${p.sourceKey} ${p.dueDate}`)
    .sort();
}

/** "<sourceKey> <due date>" of each row planned from the committee's mandate, as stored, sorted. */
async function stored(db: Database, committee: number): Promise<string[]> {
  const rows = await prismaOf(db).deadline.findMany({ where: { committeeId: committee, sourceKey: { not: null } } });
  return rows.map((d) => `${d.sourceKey} ${toCalendarDate(d.dueDate)}`).sort();
}

/** Each committee's planned-through date, by slug. */
async function plannedThrough(db: Database): Promise<Record<string, CalendarDate | null>> {
  const rows = await prismaOf(db).committee.findMany({ orderBy: { slug: "asc" } });
  return Object.fromEntries(rows.map((c) => [c.slug, c.plannedThrough && toCalendarDate(c.plannedThrough)]));
}

function everyCommittee<T>(value: T): Record<string, T> {
  return Object.fromEntries(SLUGS.map((slug) => [slug, value]));
}

/** Asserts that every committee's stored rows are exactly what its mandate implies through `through`. */
async function expectPlannedThrough(db: Database, through: CalendarDate): Promise<void> {
  expect(await plannedThrough(db)).toEqual(everyCommittee(through));
  const committees = await db.store.committees.all();
  expect(committees.map((c) => c.slug).sort()).toEqual(SLUGS);
  for (const c of committees) expect(await stored(db, c.id), c.slug).toEqual(implied(c.mandate, through));
}

/** The rows added between two dumps, as "<sourceKey> <due date>", sorted; fails if a row that was there changed or went. */
function added(before: Awaited<ReturnType<typeof dump>>, after: Awaited<ReturnType<typeof dump>>): string[] {
  expect(after.deadlines.slice(0, before.deadlines.length)).toEqual(before.deadlines);
  return after.deadlines
    .slice(before.deadlines.length)
    .map((d) => `${d.sourceKey} ${toCalendarDate(d.dueDate)}`)
    .sort();
}

/** The rows every committee's mandate implies on exactly `day`, sorted. */
async function impliedOn(db: Database, day: CalendarDate): Promise<string[]> {
  const committees = await db.store.committees.all();
  return committees
    .flatMap((c) => implied(c.mandate, day))
    .filter((row) => row.endsWith(` ${day}`))
    .sort();
}

/** The moment whose Copenhagen day puts the planning horizon on `horizon`. */
function momentWithHorizon(horizon: CalendarDate): Date {
  return new Date(`${addDays(horizon, -PLANNING_HORIZON_DAYS)}T09:00:00Z`);
}

/** Every read command, as members and outsiders, with what each must answer. */
const READS: [Caller, "/mandat" | "/frist", string, Reply["kind"]][] = [
  [CHAIR, "/frist", "", "deadlines"],
  [CHAIR, "/frist", "alle", "deadlines"],
  [CHAIR, "/frist", "saerudvalg", "deadlines"],
  [CHAIR, "/frist", "saerudvalg alle", "deadlines"],
  [CHAIR, "/mandat", "", "committees"],
  [CHAIR, "/mandat", "saerudvalg", "mandate"],
  [MEMBER, "/frist", "", "deadlines"],
  [MEMBER, "/mandat", "saerudvalg", "mandate"],
  [OUTSIDER, "/frist", "", "deadlines"],
  [OUTSIDER, "/frist", "alle", "deadlines"],
  [OUTSIDER, "/frist", "norprem", "deadlines"],
  [OUTSIDER, "/mandat", "", "committees"],
  [OUTSIDER, "/mandat", "norprem", "mandate"],
];

async function readEverything(services: Services, now: Date): Promise<void> {
  for (const [caller, command, text, kind] of READS) {
    const { reply } = await run(services, command, text, caller, { now });
    const detail = reply.kind === "error" ? `${reply.error.code} ${JSON.stringify(reply.error.params)}` : reply.kind;
    expect(detail, `${command} ${text} as ${caller.slackUserId} at ${now.toISOString()}`).toBe(kind);
  }
}

describe.each(databaseKinds())("deadline planning on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("planning", () => {
    describe("the horizon", () => {
      const harness = useDatabase(kind, seed);
      // 2027-01-25 plans through 2028-02-29 (a leap day), 2027-01-26 through 2028-03-01, a day on
      // which saerudvalg's budgetopfoelgning falls due.
      const DAY_BEFORE = momentWithHorizon("2028-02-29");
      const DAY = momentWithHorizon("2028-03-01");

      it("after an import, every committee's rows run through today + 400 days, and no further", async () => {
        const { db } = harness();
        expect(dateInZone(NOW, "Europe/Copenhagen")).toBe("2026-11-23");
        expect(planningHorizon("2026-11-23")).toBe("2027-12-28");
        await expectPlannedThrough(db, "2027-12-28");

        const saerudvalg = await stored(db, await committeeId(db, "saerudvalg"));
        // 387 days ahead: planned. The next occurrence of any duty, 1 March 2028, lies beyond.
        expect(saerudvalg).toContain("obligation:statusrapport:2027-12-15 2027-12-15");
        expect(saerudvalg).toContain("obligation:budgetopfoelgning:2027-12-01 2027-12-01");
        expect(saerudvalg.filter((row) => row.includes(":2028-"))).toEqual([]);
        expect(saerudvalg).toContain("deadline:aarsberetning 2027-01-15");
      });

      it("a day later, the nightly run extends every plan by a day, adding only rows due on the new last day", async () => {
        const { db, services } = harness();
        const before = await dump(db);
        const report = await services.planner.planDeadlines({ now: addDaysTo(NOW, 1) });
        expect(report).toEqual({ planned: SLUGS.length, upToDate: 0, failed: 0 });
        await expectPlannedThrough(db, "2027-12-29");
        expect(added(before, await dump(db))).toEqual(await impliedOn(db, "2027-12-29"));
      });

      it("adds an occurrence on the day the horizon reaches it, not the day before", async () => {
        const { db, services } = harness();
        const id = await committeeId(db, "saerudvalg");
        expect(await services.planner.planDeadlines({ now: DAY_BEFORE })).toEqual({ planned: SLUGS.length, upToDate: 0, failed: 0 });
        await expectPlannedThrough(db, "2028-02-29");
        expect(await stored(db, id)).not.toContain("obligation:budgetopfoelgning:2028-03-01 2028-03-01");

        const before = await dump(db);
        expect(await services.planner.planDeadlines({ now: DAY })).toEqual({ planned: SLUGS.length, upToDate: 0, failed: 0 });
        await expectPlannedThrough(db, "2028-03-01");
        const rows = added(before, await dump(db));
        expect(rows).toContain("obligation:budgetopfoelgning:2028-03-01 2028-03-01");
        expect(rows).toEqual(await impliedOn(db, "2028-03-01"));
      });

      it("a second run the same day plans nothing and changes no row", async () => {
        const { db, services } = harness();
        const before = await dump(db);
        expect(await services.planner.planDeadlines({ now: DAY })).toEqual({ planned: 0, upToDate: SLUGS.length, failed: 0 });
        // 22:59 in Copenhagen: still the same day there.
        const lateEvening = new Date(DAY.getTime() + 13 * 60 * 60 * 1000 + 59 * 60 * 1000);
        expect(dateInZone(lateEvening, "Europe/Copenhagen")).toBe(dateInZone(DAY, "Europe/Copenhagen"));
        expect(await services.planner.planDeadlines({ now: lateEvening })).toEqual({ planned: 0, upToDate: SLUGS.length, failed: 0 });
        expect(await dump(db)).toEqual(before);
      });

      it("re-planning a committee by force, as an import does, changes no row either", async () => {
        const { db } = harness();
        const before = await dump(db);
        for (const c of await db.store.committees.all()) {
          const planned = await db.store.transaction(async (repos) => {
            await repos.lockCommittee(c.workspaceId, c.slug);
            return planCommittee(repos, c.id, DAY, { force: true });
          });
          expect(planned, c.slug).toBe(true);
        }
        expect(await dump(db)).toEqual(before);
      });

      it("a committee whose stored mandate no longer parses fails alone: counted and logged, the others planned; the next run plans it", async () => {
        const { db } = harness();
        const prisma = prismaOf(db);
        const id = await committeeId(db, "saerudvalg");
        const version = await prisma.mandateVersion.findFirstOrThrow({ where: { committeeId: id }, orderBy: { number: "desc" } });
        const content = version.content;
        if (content === null || typeof content !== "object" || Array.isArray(content)) expect.fail("a mandate is stored as an object");
        // What a stricter schema in a later release could make of a stored version.
        await prisma.mandateVersion.update({
          where: { id: version.id },
          data: { content: toJson({ ...content, obligations: "now and then" }) },
        });

        // A process started after the change: its mandate cache has never seen the version.
        const logger = new CaptureLogger();
        const planner = new DeadlinePlanner(createStore(prisma), logger);
        const before = await dump(db);
        const later = addDaysTo(DAY, 1);
        expect(await planner.planDeadlines({ now: later })).toEqual({ planned: SLUGS.length - 1, upToDate: 0, failed: 1 });
        expect(logger.at("error")).toEqual([
          expect.objectContaining({ msg: "planning deadlines failed", fields: expect.objectContaining({ committee: "saerudvalg" }) }),
        ]);
        expect(await plannedThrough(db)).toEqual({ ...everyCommittee("2028-03-02"), saerudvalg: "2028-03-01" });
        const after = await dump(db);
        expect(after.deadlines.filter((d) => d.committeeId === id)).toEqual(before.deadlines.filter((d) => d.committeeId === id));

        // Reading goes on for everyone else: the committee is left out of the read path and reported once.
        const readers = createServices(createStore(prisma, logger), logger);
        for (let i = 0; i < 2; i++) {
          const { reply } = await run(readers, "/mandat", "", MEMBER, { now: later });
          expect(expectKind(reply, "committees").others.map((v) => v.committee.slug)).toEqual(
            SLUGS.filter((slug) => slug !== "saerudvalg"),
          );
          expectKind((await run(readers, "/frist", "alle", MEMBER, { now: later })).reply, "deadlines");
        }
        expect(logger.at("error").filter((e) => e.msg.startsWith("a stored mandate version does not pass the mandate schema"))).toEqual([
          expect.objectContaining({ fields: expect.objectContaining({ mandateVersion: version.id }) }),
        ]);

        await prisma.mandateVersion.update({ where: { id: version.id }, data: { content: toJson(content) } });
        expect(await planner.planDeadlines({ now: later })).toEqual({ planned: 1, upToDate: SLUGS.length - 1, failed: 0 });
        await expectPlannedThrough(db, "2028-03-02");
      });
    });

    describe("reading never writes", () => {
      const harness = useDatabase(kind, seed);
      const LATER = [1, 45, 200, PLANNING_HORIZON_DAYS + 1, 3 * 365].map((days) => addDaysTo(NOW, days));

      it("many reads at later and later moments, far past the planned horizon, change no row and no planned-through date", async () => {
        const { db, services } = harness();
        const before = await dump(db);
        expect(await plannedThrough(db)).toEqual(everyCommittee("2027-12-28"));
        for (const now of LATER) await readEverything(services, now);
        expect(await dump(db)).toEqual(before);
      });

      // A read-only replica exists on a PostgreSQL server only; PGlite is one process's database.
      const onServer = kind === "postgresql" ? it : undefined;
      onServer?.("a replica whose connections can only read answers every read command three years past the horizon", async () => {
        const { db } = harness();
        const replica = await openReadOnlyReplica(db);
        try {
          const logger = new CaptureLogger();
          const services = createServices(replica.store, logger);
          const before = await dump(db);
          const now = addDaysTo(NOW, 3 * 365);
          await readEverything(services, now);
          const { reply } = await run(services, "/frist", "alle", CHAIR, { now });
          expect(reply.kind === "deadlines" && reply.items.length).toBeGreaterThan(0);
          // Nothing was tried and swallowed on the way (planning logs its failures and goes on).
          expect(logger.entries.filter((e) => e.level === "warn" || e.level === "error")).toEqual([]);

          // The replica really cannot write: planning through it fails for every committee.
          expect(await services.planner.planDeadlines({ now })).toEqual({ planned: 0, upToDate: 0, failed: SLUGS.length });
          expect(String(logger.at("error")[0]?.fields.err)).toMatch(/read-only transaction/);
          expect(await dump(db)).toEqual(before);
        } finally {
          await replica.close();
        }
      });

      it("planning after all those reads still starts from the import's horizon", async () => {
        const { db } = harness();
        const planner = new DeadlinePlanner(db.store, silentLogger());
        expect(await planner.planDeadlines({ now: NOW })).toEqual({ planned: 0, upToDate: SLUGS.length, failed: 0 });
        await expectPlannedThrough(db, "2027-12-28");
      });
    });
  });
});
