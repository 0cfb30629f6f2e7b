import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { deadlineOpenToPublic } from "../../src/domain/access.js";
import { addDays, type CalendarDate, dateInZone } from "../../src/domain/calendar-date.js";
import { type Deadline, type DeadlineListing, deadlineStateAt, isListed } from "../../src/domain/deadline.js";
import type { DeadlineScope } from "../../src/services/ports.js";
import { databaseKinds, openTestDatabase } from "../support/database.js";

/**
 * A list is one query: the database picks the rows from their stored state. These tests hold that
 * query to the domain's own rules, row by row, for random rows and moments: what the domain
 * would list (isListed of deadlineStateAt, hand-added deadlines from when they were added, the
 * members-only record hidden from outsiders) is exactly what the database returns, in order.
 */

const TEAM = "T0PAGE";
const COMMITTEES = [
  { slug: "oslo", timeZone: "Europe/Oslo", visibility: "public", publicSince: null },
  { slug: "kbh", timeZone: "Europe/Copenhagen", visibility: "members", publicSince: null },
  // Public since 20 November 2026 after a members-only time: outsiders do not see its record from before.
  { slug: "sthlm", timeZone: "Europe/Stockholm", visibility: "public", publicSince: new Date("2026-11-20T10:00:00Z") },
  { slug: "reykjavik", timeZone: "Atlantic/Reykjavik", visibility: "public", publicSince: null },
] as const;

/** Moments around midnight in the committees' zones, and across the change to winter time. */
const MOMENTS = [
  "2026-11-23T09:00:00Z",
  "2026-11-23T23:30:00Z",
  "2026-11-20T09:59:59Z",
  "2026-10-25T00:30:00Z",
  "2026-10-25T01:30:00Z",
  "2027-01-01T00:00:00Z",
].map((t) => new Date(t));

const BASE_DAY: CalendarDate = "2026-06-01";
const instant = (minutes: number) => new Date(Date.UTC(2026, 5, 1) + minutes * 60_000);

const row = fc.record({
  committee: fc.integer({ min: 0, max: COMMITTEES.length - 1 }),
  due: fc.integer({ min: 0, max: 330 }),
  source: fc.constantFrom("mandate_clause", "obligation", "manual"),
  status: fc.constantFrom("open", "open", "done", "waived"),
  resolvedAt: fc.option(fc.integer({ min: 0, max: 330 * 24 * 60 })),
  createdAt: fc.integer({ min: 0, max: 330 * 24 * 60 }),
  closesAfter: fc.option(fc.integer({ min: 0, max: 200 })),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

for (const { kind, available } of databaseKinds()) {
  describe.skipIf(!available)(`a page of deadlines equals the domain's list (${kind})`, () => {
    let db: Database;
    let ids: number[] = [];
    beforeAll(async () => {
      db = await openTestDatabase(kind);
      const prisma = prismaOf(db);
      ids = [];
      for (const c of COMMITTEES) {
        const created = await prisma.committee.create({
          data: {
            workspaceId: TEAM,
            slug: c.slug,
            language: "da",
            timeZone: c.timeZone,
            country: "DK",
            visibility: c.visibility,
            names: { da: c.slug },
            createdAt: new Date("2026-01-01T00:00:00Z"),
            publicSince: c.publicSince,
          },
        });
        ids.push(created.id);
      }
    });
    afterAll(async () => {
      await db?.close();
    });

    /** The rows as the domain sees them, stored fresh for one run. */
    async function store(rows: Row[]): Promise<Deadline[]> {
      const prisma = prismaOf(db);
      await prisma.deadline.deleteMany({});
      const stored: Deadline[] = [];
      for (const [i, r] of rows.entries()) {
        const dueDate = addDays(BASE_DAY, r.due);
        const closesOn = r.closesAfter === null ? null : addDays(dueDate, r.closesAfter);
        const resolved = r.status !== "open";
        const data = {
          committeeId: ids[r.committee] ?? -1,
          source: r.source,
          sourceKey: r.source === "manual" ? null : `k:${i}`,
          title: `Frist ${i}`,
          owner: { role: "secretariat" },
          dueDate: new Date(`${dueDate}T00:00:00Z`),
          status: r.status,
          resolvedAt: resolved && r.resolvedAt !== null ? instant(r.resolvedAt) : null,
          createdAt: instant(r.createdAt),
          closesOn: closesOn ? new Date(`${closesOn}T00:00:00Z`) : null,
        } as const;
        const created = await prisma.deadline.create({ data });
        stored.push({
          id: created.id,
          committeeId: data.committeeId,
          source: data.source,
          sourceKey: data.sourceKey,
          title: data.title,
          owner: { role: "secretariat" },
          recipient: null,
          clause: null,
          dueDate,
          status: data.status,
          resolvedAt: data.resolvedAt,
          resolvedBy: null,
          waiveReason: null,
          createdAt: data.createdAt,
          createdBy: null,
          closesOn,
        });
      }
      return stored;
    }

    function expected(rows: Deadline[], scope: DeadlineScope, listing: DeadlineListing, now: Date): number[] {
      return rows
        .filter((d) => {
          const index = ids.indexOf(d.committeeId);
          const c = COMMITTEES[index];
          if (!c) return false;
          const inScope = scope.kind === "public" ? c.visibility === "public" : scope.committeeIds.includes(d.committeeId);
          const outsider = scope.kind === "public" || scope.outsiderIds.includes(d.committeeId);
          if (!inScope) return false;
          if (d.source === "manual" && d.createdAt > now) return false;
          if (outsider && !deadlineOpenToPublic(d, c.publicSince ?? undefined)) return false;
          const status = deadlineStateAt(d, { instant: now, zone: c.timeZone, closesOn: d.closesOn ?? undefined });
          return isListed(status, listing);
        })
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id))
        .map((d) => d.id);
    }

    it("for random rows, moments, scopes and both listings", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
          const stored = await store(rows);
          const scopes: DeadlineScope[] = [
            { kind: "public", workspaceId: TEAM },
            { kind: "committees", committeeIds: ids, outsiderIds: [] },
            { kind: "committees", committeeIds: ids.slice(1, 3), outsiderIds: ids.slice(2, 3) },
          ];
          for (const now of MOMENTS) {
            const todayIn = new Map(COMMITTEES.map((c) => [c.timeZone as string, dateInZone(now, c.timeZone)]));
            for (const scope of scopes) {
              for (const listing of ["upcoming", "all"] as const) {
                const want = expected(stored, scope, listing, now);
                const page = await db.store.deadlines.page({ scope, listing, now, todayIn, limit: 1000, countUpTo: 1000 });
                expect(page.rows.map((d) => d.id)).toEqual(want);
                expect(page.total).toBe(want.length);
                // Page by page, from a cursor, the same rows.
                const [first, second] = want;
                if (first !== undefined) {
                  const cut = stored.find((d) => d.id === first);
                  const rest = await db.store.deadlines.page({
                    scope,
                    listing,
                    now,
                    todayIn,
                    after: cut && { dueDate: cut.dueDate, id: cut.id },
                    limit: 1,
                    countUpTo: 1000,
                  });
                  expect(rest.rows.map((d) => d.id)).toEqual(second === undefined ? [] : [second]);
                  expect(rest.total).toBe(want.length - 1);
                }
              }
            }
          }
        }),
        { numRuns: 12 },
      );
    }, 120_000);

    it("counts a long list only up to the limit it is given", async () => {
      const stored = await store(Array.from({ length: 30 }, (_, i) => ({ ...FIXED, due: i })));
      const now = new Date("2026-06-01T09:00:00Z");
      const todayIn = new Map(COMMITTEES.map((c) => [c.timeZone as string, dateInZone(now, c.timeZone)]));
      const scope: DeadlineScope = { kind: "committees", committeeIds: ids, outsiderIds: [] };
      const page = await db.store.deadlines.page({ scope, listing: "all", now, todayIn, limit: 5, countUpTo: 12 });
      expect(page.rows.map((d) => d.id)).toEqual(stored.slice(0, 5).map((d) => d.id));
      expect(page.total).toBe(12);
    });
  });
}

const FIXED: Row = { committee: 0, due: 0, source: "obligation", status: "open", resolvedAt: null, createdAt: 0, closesAfter: null };
