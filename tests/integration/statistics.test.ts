import { describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { databaseKinds } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { importAll, NOW, useDatabase } from "./helpers.js";

/**
 * The embedded database has no autovacuum, so nothing gathers statistics on its own: without
 * them every list is planned as if the tables were empty (at 1,000 committees a caller's roles
 * took 16 ms instead of 3). Planning that changed rows refreshes them.
 */
for (const { kind, available } of databaseKinds()) {
  describe.skipIf(!available)(`statistics after planning (${kind})`, () => {
    const harness = useDatabase(kind, (services) => importAll(services, MANDATES_DIR));

    /** The planner's estimate of a table's rows: -1 until the table was first analyzed. */
    const estimatedRows = async (table: string) => {
      const [row] = await prismaOf(harness().db).$queryRaw<
        { n: number }[]
      >`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table}`;
      return row?.n;
    };

    it("are refreshed when planning changed rows, so the planner knows the deadlines are there", async () => {
      const { db, services } = harness();
      const rows = await prismaOf(db).deadline.count();
      await prismaOf(db).committee.updateMany({ data: { plannedThrough: null } });
      const report = await services.planner.planDeadlines({ now: NOW });
      expect(report.planned).toBeGreaterThan(0);
      expect(await estimatedRows("Deadline")).toBe(rows);
    });
  });
}
