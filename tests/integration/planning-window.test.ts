import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { toCalendarDate } from "../../src/db/convert.js";
import { dateInZone } from "../../src/domain/calendar-date.js";
import { planningStart } from "../../src/domain/deadline.js";
import { databaseKinds } from "../support/database.js";
import { addDaysTo, CHAIR, committeeId, expectKind, importAll, NOW, run, useDatabase } from "./helpers.js";

/**
 * Deadline rows are planned from two years before `now`: a weekly duty "since 1980" makes about
 * 160 rows, not 2 400. The window moving on removes nothing; a new mandate version judges rows
 * before the window by what the mandate still implies (open ones follow it or go), and done and
 * waived rows stay as history.
 */

const YEAR_LATER = addDaysTo(NOW, 400);

function weekly(title: string, withDuty = true): string {
  return [
    "format: mandat/v1",
    "slug: ugentlig",
    "names: { da: Det ugentlige udvalg }",
    "language: da",
    "time_zone: Europe/Copenhagen",
    "country: DK",
    "visibility: public",
    'valid: { from: "1980-01-01" }',
    "source: { title: Kommissorium, document: intet }",
    "purpose: At rapportere hver uge.",
    "tasks: [{ id: rapport, text: Rapportere. }]",
    "members: [{ seat: formand, role: chair, title: Formand, slack_id: U0CHAIR }]",
    "decisions: { rule: consensus }",
    ...(withDuty ? ["obligations:", `  - { id: uge, title: ${title}, owner: { role: chair }, every: { at_least: 52, per: year } }`] : []),
    "",
  ].join("\n");
}

let scratch = "";
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe.each(databaseKinds())("the planning window on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("a weekly duty since 1980", () => {
    const file = (name: string) => path.join(scratch, `${kind}-${name}.yaml`);
    const harness = useDatabase(kind, async (services) => {
      scratch ||= await mkdtemp(path.join(tmpdir(), "mandat-window-"));
      await writeFile(file("v1"), weekly("Ugerapport"));
      await importAll(services, file("v1"), NOW);
    });
    const rows = async () => {
      const { db } = harness();
      const found = await prismaOf(db).deadline.findMany({
        where: { committeeId: await committeeId(db, "ugentlig") },
        orderBy: { dueDate: "asc" },
      });
      return found.map((d) => ({ id: d.id, due: toCalendarDate(d.dueDate), status: d.status, title: d.title }));
    };
    const firstStart = planningStart(dateInZone(NOW, "Europe/Copenhagen"));

    it("the import plans some 160 rows, from two years back, not 2 400 from 1980", async () => {
      const planned = await rows();
      expect(firstStart).toBe("2024-11-23");
      expect(planned.length).toBeGreaterThan(150);
      expect(planned.length).toBeLessThan(170);
      expect(planned[0]?.due).toBe("2024-11-26");
      expect(planned.every((r) => r.due >= firstStart)).toBe(true);
    });

    it("a year on, the window has moved: nothing planned before it is removed, open or resolved", async () => {
      const { services } = harness();
      const [first, second] = await rows();
      if (!first || !second) return expect.fail("rows");
      expectKind((await run(services, "/frist", `done ${first.id}`, CHAIR)).reply, "deadline-changed");
      expectKind((await run(services, "/frist", `waive ${second.id} Ferie`, CHAIR)).reply, "deadline-changed");
      const before = await rows();

      await services.planner.planDeadlines({ now: YEAR_LATER });
      const after = await rows();
      const newStart = planningStart(dateInZone(YEAR_LATER, "Europe/Copenhagen"));
      expect(newStart > firstStart).toBe(true);
      // Every row that was there is still there, as it was; the plan only grew at the far end.
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBeGreaterThan(before.length);
      expect(after.filter((r) => r.due < newStart).length).toBeGreaterThan(50);
    });

    it("a new version retitles the duty: open rows before the window follow it, done and waived ones keep their title", async () => {
      await writeFile(file("v2"), weekly("Ugentlig statusrapport"));
      await importAll(harness().services, file("v2"), YEAR_LATER);
      const newStart = planningStart(dateInZone(YEAR_LATER, "Europe/Copenhagen"));
      const after = await rows();
      const [first, second, ...rest] = after;
      expect([first?.status, first?.title]).toEqual(["done", "Ugerapport"]);
      expect([second?.status, second?.title]).toEqual(["waived", "Ugerapport"]);
      const earlyOpen = rest.filter((r) => r.due < newStart);
      expect(earlyOpen.length).toBeGreaterThan(50);
      expect(new Set(earlyOpen.map((r) => `${r.status} ${r.title}`))).toEqual(new Set(["open Ugentlig statusrapport"]));
    });

    it("a version without the duty: its open rows go, before the window too; done and waived ones stay", async () => {
      await writeFile(file("v3"), weekly("", false));
      await importAll(harness().services, file("v3"), YEAR_LATER);
      expect((await rows()).map((r) => [r.status, r.title])).toEqual([
        ["done", "Ugerapport"],
        ["waived", "Ugerapport"],
      ]);
    });
  });
});
