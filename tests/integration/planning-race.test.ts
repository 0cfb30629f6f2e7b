import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { toCalendarDate } from "../../src/db/convert.js";
import { plannedDeadlines } from "../../src/domain/deadline.js";
import { Mandate } from "../../src/domain/mandate.js";
import { silentLogger } from "../../src/logging/logger.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { databaseKinds, openReplica, openTestDatabase } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { addDaysTo, CHAIR, expectKind, importAll, NOW, run, SAERUDVALG_V1, SAERUDVALG_V2, TEAM } from "./helpers.js";

/** Rounds of "B imports the other version while A plans and reads". */
const ROUNDS = 40;
const REMOVED_BY_V2 = "obligation:budgetopfoelgning:";
/** How long B waits before importing in a round: 0, 2, 4, … 78 ms. */
const phase = (round: number) => (round * 2) % 80;

/**
 * What must hold whenever no import or plan is running: the open rows planned from saerudvalg's
 * mandate are those its latest version implies, and no key is stored twice.
 */
async function expectRowsFollowLatestVersion(db: Database, round: number): Promise<void> {
  const prisma = prismaOf(db);
  const committee = await prisma.committee.findUniqueOrThrow({
    where: { workspaceId_slug: { workspaceId: TEAM, slug: "saerudvalg" } },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const [latest] = committee.versions;
  if (!latest || !committee.plannedThrough) expect.fail("saerudvalg has a version and a plan");
  const mandate = Mandate.parse(latest.content);
  const rows = await prisma.deadline.findMany({ where: { sourceKey: { not: null } } });
  const open = rows.filter((d) => d.committeeId === committee.id && d.status === "open").map((d) => d.sourceKey ?? "");
  const where = `round ${round}, latest version ${latest.number}`;

  const hasDuty = (mandate.obligations ?? []).some((o) => o.id === "budgetopfoelgning");
  expect(open.filter((key) => key.startsWith(REMOVED_BY_V2)).length > 0, `${where}: open budgetopfoelgning rows`).toBe(hasDuty);
  // Every occurrence the version implies, however far back: planning never leaves an open row it does not.
  const window = { from: "1900-01-01", through: toCalendarDate(committee.plannedThrough) } as const;
  const planned = new Set(plannedDeadlines(mandate, window).map((p) => p.sourceKey));
  expect(
    open.filter((key) => !planned.has(key)),
    `${where}: open rows the latest version does not plan`,
  ).toEqual([]);
  const keys = rows.map((d) => `${d.committeeId} ${d.sourceKey}`);
  expect(keys.length - new Set(keys).size, `${where}: keys stored twice`).toBe(0);
}

const postgres = databaseKinds().find((k) => k.kind === "postgresql");

describe.skipIf(!postgres?.available)("planning while another replica imports, on postgresql", () => {
  let db: Database | undefined;
  const replicas: Database[] = [];
  let a: Services;
  let b: Services;

  beforeAll(async () => {
    db = await openTestDatabase("postgresql");
    // Two replicas of the bot: their own pools, stores and mandate caches, one database.
    for (let i = 0; i < 2; i++) replicas.push(await openReplica(db));
    const [first, second] = replicas;
    if (!first || !second) throw new Error("two replicas");
    a = createServices(first.store, silentLogger());
    b = createServices(second.store, silentLogger());
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await db?.close();
  });

  it("a replica reading while another imports a new version cannot re-insert rows the new version removed", async () => {
    if (!db) expect.fail("the database is not open");
    await importAll(a, MANDATES_DIR, NOW);
    await importAll(a, SAERUDVALG_V1, NOW);
    // A has read (and cached) version 1.
    expectKind((await run(a, "/frist", "saerudvalg alle", CHAIR)).reply, "deadlines");
    await expectRowsFollowLatestVersion(db, 0);

    for (let round = 1; round <= ROUNDS; round++) {
      // B's import plans through its day + 400; A's day is one later, so A has a day to add to
      // every committee's plan whether it gets saerudvalg's lock before B or after.
      const importAt = addDaysTo(NOW, round);
      const planAt = addDaysTo(NOW, round + 1);
      const [outcomes, report, listed] = await Promise.all([
        // B starts a little later each round, so its import meets A's walk at different points.
        delay(phase(round)).then(() =>
          b.importer.importPath(round % 2 === 1 ? SAERUDVALG_V2 : SAERUDVALG_V1, { now: importAt, defaultWorkspace: TEAM }),
        ),
        a.planner.planDeadlines({ now: planAt }),
        run(a, "/frist", "saerudvalg alle", CHAIR, { now: planAt }),
      ]);
      expect(outcomes.map((o) => (o.status === "refused" ? o.status : [o.status, o.version]))).toEqual([["new_version", round + 1]]);
      expect(report).toEqual({ planned: 5, upToDate: 0, failed: 0 });
      expectKind(listed.reply, "deadlines");
      await expectRowsFollowLatestVersion(db, round);
    }
  }, 60_000);
});
