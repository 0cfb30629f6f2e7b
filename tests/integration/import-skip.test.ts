import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { LOCAL_WORKSPACE } from "../../src/domain/workspace.js";
import { silentLogger } from "../../src/logging/logger.js";
import { fileKeyer } from "../../src/mandates/file-key.js";
import { mandateFilesAt } from "../../src/mandates/load-mandate-file.js";
import { logImport } from "../../src/mandates/report-import.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { planCommittee } from "../../src/services/deadline-planner.js";
import type { ImportOutcome } from "../../src/services/mandate-importer.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { databaseKinds, openReplica, openTestDatabase } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import { smallMandate } from "../support/small-mandate.js";
import { addDaysTo, NOW, rowCounts, SAERUDVALG_V1, SAERUDVALG_V2, TEAM } from "./helpers.js";

/**
 * A start imports MANDATES_DIR every time; with a thousand committees, parsing and storing every
 * unchanged file again took most of a minute. A file whose bytes are those that gave its
 * committee's latest version (for the same default workspace, read by the same code) is now
 * skipped before it is parsed. What the import reports stays what it was: a skipped file is
 * unchanged, with its version and its warnings; a changed file is a new version.
 */

const LATER = addDaysTo(NOW, 1);
const OTHER_TEAM = "T0002";

const statuses = (outcomes: ImportOutcome[]) =>
  outcomes.map((o) => [path.basename(o.file), o.status, o.status === "refused" ? o.problems : (o.skipped ?? false)]);

/** Every row an import or planning writes, without the clock's columns, in a stable order. */
async function snapshot(db: Database) {
  const prisma = prismaOf(db);
  return {
    committees: await prisma.committee.findMany({ orderBy: { id: "asc" } }),
    versions: await prisma.mandateVersion.findMany({ orderBy: { id: "asc" } }),
    members: await prisma.member.findMany({ orderBy: { id: "asc" } }),
    deadlines: await prisma.deadline.findMany({ orderBy: { id: "asc" } }),
  };
}

describe.each(databaseKinds())("importing unchanged files again on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("skip by content", () => {
    let db: Database;
    let services: Services;
    let scratch: string;
    const at = (now: Date, defaultWorkspace: string | undefined = TEAM) => ({ now, defaultWorkspace });
    const importDir = (now = NOW, defaultWorkspace: string | undefined = TEAM) =>
      services.importer.importPath(scratch, at(now, defaultWorkspace));
    const file = (name: string) => path.join(scratch, name);

    beforeAll(async () => {
      db = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      const prisma = prismaOf(db);
      await prisma.deadline.deleteMany();
      await prisma.member.deleteMany();
      await prisma.mandateVersion.deleteMany();
      await prisma.committee.deleteMany();
      await prisma.workspace.deleteMany();
      services = createServices(db.store, silentLogger());
      scratch = await mkdtemp(path.join(tmpdir(), "mandat-skip-"));
    });
    afterEach(async () => {
      await rm(scratch, { recursive: true, force: true });
    });

    it("skips every unchanged file unparsed, reports each unchanged with its version, and writes nothing", async () => {
      for (const shipped of await mandateFilesAt(MANDATES_DIR)) await copyFile(shipped, file(path.basename(shipped)));
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      const first = await importDir();
      expect(first.map((o) => [o.status, "skipped" in o])).toEqual(Array(5).fill(["created", false]));
      const stored = await snapshot(db);

      const again = await importDir(LATER);
      expect(again).toEqual(
        first.map((o) =>
          o.status === "refused" ? o : { file: o.file, status: "unchanged", slug: o.slug, workspaceId: TEAM, version: 1, skipped: true },
        ),
      );
      expect(await snapshot(db)).toEqual(stored);

      // The log says so, once, after the line per file.
      const logger = new CaptureLogger();
      logImport(logger, scratch, again);
      expect(logger.entries.at(-1)?.msg).toBe(
        `Mandates from ${scratch}: 5 files: 0 created, 0 changed, 5 unchanged (5 of them skipped unparsed: the same bytes as before), 0 refused`,
      );
      expect(logger.entries.at(-1)?.fields).toMatchObject({ files: 5, unchanged: 5, skipped: 5 });
    });

    it("decides by the bytes alone: a file it knows is not parsed, so bytes that would not parse pass as the version they are known for", async () => {
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      await importDir();
      // What a file with these bytes would be known by, had it given saerudvalg's version 1.
      const garbage = Buffer.from("slug: [saerudvalg\n");
      await writeFile(file("saerudvalg.yaml"), garbage);
      const prisma = prismaOf(db);
      const known = await prisma.importedFile.findFirstOrThrow();
      await prisma.importedFile.update({ where: { key: known.key }, data: { key: (await fileKeyer(TEAM))(garbage) } });
      expect(statuses(await importDir(LATER))).toEqual([["saerudvalg.yaml", "unchanged", true]]);

      // Known no more: parsed, and refused.
      await prisma.importedFile.deleteMany();
      expect(statuses(await importDir(LATER))).toEqual([
        ["saerudvalg.yaml", "refused", [{ path: expect.stringMatching(/^line \d+, column \d+$/), message: expect.any(String) }]],
      ]);
    });

    it("a changed file is a new version; the earlier bytes again are another one; then they are skipped", async () => {
      const rosterOf = async () =>
        (await prismaOf(db).member.findMany({ orderBy: { seatId: "asc" } })).map((m) => [m.seatId, m.email, m.slackUserId]);
      const budgetRows = () =>
        prismaOf(db).deadline.count({ where: { status: "open", sourceKey: { startsWith: "obligation:budgetopfoelgning:" } } });
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      expect(statuses(await importDir(NOW))).toEqual([["saerudvalg.yaml", "created", false]]);
      const v1Roster = await rosterOf();
      expect(await budgetRows()).toBeGreaterThan(0);

      await copyFile(SAERUDVALG_V2, file("saerudvalg.yaml"));
      expect(await importDir(LATER)).toEqual([
        { file: file("saerudvalg.yaml"), status: "new_version", slug: "saerudvalg", workspaceId: TEAM, version: 2 },
      ]);
      expect(await rosterOf()).not.toEqual(v1Roster);
      expect(await budgetRows()).toBe(0);

      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      expect(await importDir(addDaysTo(LATER, 1))).toEqual([
        { file: file("saerudvalg.yaml"), status: "new_version", slug: "saerudvalg", workspaceId: TEAM, version: 3 },
      ]);
      // Version 3 is version 1's content again; the roster and the deadlines follow it.
      expect(await rosterOf()).toEqual(v1Roster);
      expect(await budgetRows()).toBeGreaterThan(0);
      expect(await importDir(addDaysTo(LATER, 2))).toEqual([
        { file: file("saerudvalg.yaml"), status: "unchanged", slug: "saerudvalg", workspaceId: TEAM, version: 3, skipped: true },
      ]);
    });

    it("a file reformatted without changing its content is read once and found unchanged, then skipped", async () => {
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      await importDir();
      await writeFile(file("saerudvalg.yaml"), `# reformatted, same content\n${await readFile(SAERUDVALG_V1, "utf8")}`);
      expect(statuses(await importDir(LATER))).toEqual([["saerudvalg.yaml", "unchanged", false]]);
      expect(statuses(await importDir(LATER))).toEqual([["saerudvalg.yaml", "unchanged", true]]);
      expect(await rowCounts(db)).toMatchObject({ committees: 1, versions: 1 });
    });

    it("a committee given a newer version from elsewhere is not skipped: the directory's file is stored as a version again", async () => {
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      await importDir();
      expect(statuses(await services.importer.importPath(SAERUDVALG_V2, at(LATER)))).toEqual([
        ["saerudvalg-v2.yaml", "new_version", false],
      ]);
      expect(await importDir(addDaysTo(LATER, 1))).toEqual([
        { file: file("saerudvalg.yaml"), status: "new_version", slug: "saerudvalg", workspaceId: TEAM, version: 3 },
      ]);
    });

    it("a file that names no workspace belongs to the default workspace: another default is another committee, not a skip", async () => {
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      expect(await importDir(NOW, LOCAL_WORKSPACE)).toEqual([
        { file: file("saerudvalg.yaml"), status: "created", slug: "saerudvalg", workspaceId: LOCAL_WORKSPACE, version: 1 },
      ]);
      expect(await importDir(NOW, OTHER_TEAM)).toEqual([
        { file: file("saerudvalg.yaml"), status: "created", slug: "saerudvalg", workspaceId: OTHER_TEAM, version: 1 },
      ]);
      expect((await importDir(LATER, OTHER_TEAM)).map((o) => [o.status, "workspaceId" in o && o.workspaceId, "skipped" in o])).toEqual([
        ["unchanged", OTHER_TEAM, true],
      ]);
      expect((await importDir(LATER, LOCAL_WORKSPACE)).map((o) => [o.status, "workspaceId" in o && o.workspaceId, "skipped" in o])).toEqual(
        [["unchanged", LOCAL_WORKSPACE, true]],
      );
      // A distributed app has no default: the file is refused, as it always was.
      expect(statuses(await services.importer.importPath(scratch, { now: LATER, defaultWorkspace: undefined }))).toEqual([
        ["saerudvalg.yaml", "refused", [{ path: "workspace", message: expect.stringContaining("name the Slack workspace") }]],
      ]);
      expect(await rowCounts(db)).toMatchObject({ committees: 2, versions: 2 });
    });

    it("committees adopted from local into the bot's workspace are found unchanged there, then skipped; local gets its own again", async () => {
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      await importDir(NOW, LOCAL_WORKSPACE);
      expect(await services.workspaces.connected({ id: TEAM, name: "Test" }, NOW)).toEqual({ adopted: ["saerudvalg"] });

      // The bytes are the same, the default is not: read again, and the adopted committee is the same version.
      expect(await importDir(LATER, TEAM)).toEqual([
        { file: file("saerudvalg.yaml"), status: "unchanged", slug: "saerudvalg", workspaceId: TEAM, version: 1 },
      ]);
      expect(statuses(await importDir(LATER, TEAM))).toEqual([["saerudvalg.yaml", "unchanged", true]]);
      expect(await rowCounts(db)).toMatchObject({ committees: 1, versions: 1 });

      // The committee left "local": a file for local is a committee there again, never a skip to the adopted one.
      expect(await importDir(LATER, LOCAL_WORKSPACE)).toEqual([
        { file: file("saerudvalg.yaml"), status: "created", slug: "saerudvalg", workspaceId: LOCAL_WORKSPACE, version: 1 },
      ]);
    });

    it("two files with the same bytes: the second is refused as a second file of that slug, whether known or not", async () => {
      await copyFile(SAERUDVALG_V1, file("a.yaml"));
      await copyFile(SAERUDVALG_V1, file("b.yaml"));
      const slugTaken = [{ path: "slug", message: `"saerudvalg" is already the slug of ${file("a.yaml")}` }];
      expect(statuses(await importDir())).toEqual([
        ["a.yaml", "created", false],
        ["b.yaml", "refused", slugTaken],
      ]);
      expect(statuses(await importDir(LATER))).toEqual([
        ["a.yaml", "unchanged", true],
        ["b.yaml", "refused", slugTaken],
      ]);
    });

    it("a refused file is refused every time: only stored files are known", async () => {
      await copyFile(SAERUDVALG_V1, file("a.yaml"));
      await writeFile(file("b.yaml"), "slug: [broken\n");
      for (const now of [NOW, LATER]) {
        expect((await importDir(now)).map((o) => [path.basename(o.file), o.status])).toEqual([
          ["a.yaml", now === NOW ? "created" : "unchanged"],
          ["b.yaml", "refused"],
        ]);
      }
    });

    it("warns about clashing names on a skipped file as on a parsed one", async () => {
      await writeFile(file("a-alfa.yaml"), smallMandate("alfa"));
      await writeFile(file("b-beta.yaml"), smallMandate("beta", { shortName: "Alfa" }));
      const warningsOf = (outcomes: ImportOutcome[]) => outcomes.map((o) => (o.status === "refused" ? undefined : o.warnings));
      const shortNameClash = [
        {
          path: "short_name",
          message: `"Alfa" is the slug of another committee (${file("a-alfa.yaml")}): typing it opens that one; this committee is found by its slug "beta"`,
        },
      ];
      expect(warningsOf(await importDir())).toEqual([undefined, shortNameClash]);
      const again = await importDir(LATER);
      expect(again.map((o) => "skipped" in o)).toEqual([true, true]);
      // Beta exists now, so alfa is told too: as an import that parsed both files would say.
      expect(warningsOf(again)).toEqual([
        [
          {
            path: "slug",
            message: `committee "beta" (${file("b-beta.yaml")}) has "Alfa" as its short name: typing it now opens this committee, not that one`,
          },
        ],
        shortNameClash,
      ]);
    });

    it("stores a new committee's rows as planning would: planning it again changes nothing", async () => {
      for (const shipped of await mandateFilesAt(MANDATES_DIR)) await copyFile(shipped, file(path.basename(shipped)));
      await copyFile(SAERUDVALG_V1, file("saerudvalg.yaml"));
      await importDir();
      const stored = await snapshot(db);
      expect(stored.deadlines.length).toBeGreaterThan(20);
      for (const committee of stored.committees) {
        const planned = await db.store.transaction(async (repos) => {
          await repos.lockCommittee(committee.workspaceId, committee.slug);
          return planCommittee(repos, committee.id, NOW, { force: true });
        });
        expect(planned).toBe(true);
      }
      expect(await snapshot(db)).toEqual(stored);
    });
  });
});

const postgres = databaseKinds().find((k) => k.kind === "postgresql");

describe.skipIf(!postgres?.available)("several copies of the bot on postgresql", () => {
  let db: Database;
  const replicas: Database[] = [];
  let scratch: string;

  beforeAll(async () => {
    db = await openTestDatabase("postgresql");
    for (let i = 0; i < 2; i++) replicas.push(await openReplica(db));
    scratch = await mkdtemp(path.join(tmpdir(), "mandat-skip-pg-"));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await db?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it("two starting at once over a fresh database store each committee once: one creates it, the other finds it unchanged", async () => {
    for (const shipped of await mandateFilesAt(MANDATES_DIR)) await copyFile(shipped, path.join(scratch, path.basename(shipped)));
    await copyFile(SAERUDVALG_V1, path.join(scratch, "saerudvalg.yaml"));
    const [a, b] = await Promise.all(
      replicas.map((r) => createServices(r.store, silentLogger()).importer.importPath(scratch, { now: NOW, defaultWorkspace: TEAM })),
    );
    if (!a || !b) return expect.fail("two imports");
    for (let i = 0; i < a.length; i++) {
      expect([a[i]?.status, b[i]?.status].sort(), a[i]?.file).toEqual(["created", "unchanged"]);
    }
    expect(await rowCounts(db)).toMatchObject({ committees: 5, versions: 5 });
  });

  it("locks several committees in the order of their lock ids, whatever the order asked: so two copies locking overlapping sets cannot deadlock", async () => {
    const [locker, blocker] = replicas;
    if (!locker || !blocker) return expect.fail("two replicas");
    const prisma = prismaOf(db);
    // Twenty committees by their lock ids (the low 32 bits, as pg_locks shows an advisory lock's objid).
    const ids = await prisma.$queryRaw<{ slug: string; id: number; objid: bigint }[]>`
      SELECT s AS "slug", hashtext('committee:' || ${TEAM} || ':' || s) AS "id", hashtext('committee:' || ${TEAM} || ':' || s)::bigint & 4294967295 AS "objid"
      FROM unnest(ARRAY['a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p','q','r','s','t']) AS s ORDER BY 2`;
    const middle = ids[10];
    if (!middle) return expect.fail("twenty lock ids");
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      held = resolve;
    });
    // Another copy holds the middle committee's lock.
    const blocking = blocker.store.transaction(async (repos) => {
      await repos.lockCommittee(TEAM, middle.slug);
      held();
      await released;
    });
    await holding;
    // Asked for in descending order of their ids: taken in ascending order, up to the middle one, which it waits for.
    const locking = locker.store.transaction((repos) =>
      repos.lockCommittees([...ids].reverse().map(({ slug }) => ({ workspaceId: TEAM, slug }))),
    );
    const advisory = () =>
      prisma.$queryRaw<{ objid: bigint; granted: boolean }[]>`
        SELECT objid::bigint AS "objid", granted FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
    const deadline = Date.now() + 10_000;
    while (!(await advisory()).some((l) => !l.granted) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const locks = await advisory();
    release();
    await Promise.all([blocking, locking]);
    expect(locks.filter((l) => !l.granted).map((l) => l.objid)).toEqual([middle.objid]);
    expect(
      locks
        .filter((l) => l.granted && l.objid !== middle.objid)
        .map((l) => l.objid)
        .sort(),
    ).toEqual(
      ids
        .slice(0, 10)
        .map((l) => l.objid)
        .sort(),
    );
  });
});
