import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, prismaOf } from "../../src/db/connect.js";
import { silentLogger } from "../../src/logging/logger.js";
import { loadMandateFile, mandateFilesAt } from "../../src/mandates/load-mandate-file.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { databaseKinds, openTestDatabase } from "../support/database.js";
import { MANDATES_DIR } from "../support/paths.js";
import {
  addDaysTo,
  BAD_OBLIGATION,
  CHAIR,
  committeeId,
  deadlineIdByKey,
  expectKind,
  importAll,
  MEMBER,
  NOW,
  PUBLIC_SLUGS,
  rowCounts,
  run,
  SAERUDVALG_V1,
  SAERUDVALG_V2,
  SECRETARIAT,
  TEAM,
} from "./helpers.js";

const LATER = addDaysTo(NOW, 1);

/** Import options for the tests' workspace at `now`. */
const at = (now: Date) => ({ now, defaultWorkspace: TEAM });

async function shippedMemberCount(): Promise<number> {
  let count = 0;
  for (const file of await mandateFilesAt(MANDATES_DIR)) {
    const loaded = await loadMandateFile(file);
    if (!loaded.ok) expect.fail(`${file} does not load: ${JSON.stringify(loaded.problems)}`);
    count += loaded.mandate.members.length;
  }
  return count;
}

describe.each(databaseKinds())("importing mandate files on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("import", () => {
    let db: Database;
    let services: Services;
    let scratch: string;

    // One database per kind, emptied before each test: every test starts with no committee.
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
      services = createServices(db.store, silentLogger());
      scratch = await mkdtemp(path.join(tmpdir(), "mandat-import-"));
    });
    afterEach(async () => {
      await rm(scratch, { recursive: true, force: true });
    });

    it("creates the four shipped committees, and a second import changes nothing", async () => {
      const first = await services.importer.importPath(MANDATES_DIR, at(NOW));
      expect(first.map((o) => o.status)).toEqual(["created", "created", "created", "created"]);
      expect(first.map((o) => ("slug" in o ? [o.slug, o.version] : o))).toEqual(PUBLIC_SLUGS.map((slug) => [slug, 1]));
      const afterFirst = await rowCounts(db);
      expect(afterFirst).toMatchObject({ committees: 4, versions: 4, members: await shippedMemberCount() });
      expect(afterFirst.deadlines).toBeGreaterThan(0);

      // GMS 2024's written deadlines are rows, with the mandate's dates.
      const gms = await prismaOf(db).deadline.findMany({ where: { committee: { slug: "gms-2024" } }, orderBy: { sourceKey: "asc" } });
      expect(gms.map((d) => [d.sourceKey, d.dueDate.toISOString().slice(0, 10), d.source])).toEqual([
        ["deadline:aterbetalning", "2025-03-31", "mandate_clause"],
        ["deadline:ekonomisk-redovisning", "2025-03-31", "mandate_clause"],
        ["deadline:redovisning-av-uppdraget", "2025-03-31", "mandate_clause"],
        ["deadline:rekvisition-49-5-mkr", "2024-11-01", "mandate_clause"],
        ["deadline:rekvisition-500-tkr", "2024-11-01", "mandate_clause"],
      ]);

      // Again, a month later: unchanged files are a no-op.
      const second = await services.importer.importPath(MANDATES_DIR, at(addDaysTo(NOW, 30)));
      expect(second.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
      expect(second.map((o) => ("version" in o ? o.version : undefined))).toEqual([1, 1, 1, 1]);
      expect(await rowCounts(db)).toEqual(afterFirst);
    });

    it("refuses a bad file as a whole, naming the file, the path inside it and what is wrong, and stores nothing", async () => {
      await importAll(services, MANDATES_DIR);
      const before = await rowCounts(db);

      const outcomes = await services.importer.importPath(BAD_OBLIGATION, at(NOW));
      expect(outcomes).toHaveLength(1);
      const [outcome] = outcomes;
      if (outcome?.status !== "refused") return expect.fail(`expected a refusal, got ${JSON.stringify(outcome)}`);
      expect(outcome.file).toBe(BAD_OBLIGATION);
      expect(outcome.problems).toEqual([{ path: "obligations[2].every.at_least", message: expect.stringMatching(/whole number/) }]);

      expect(await rowCounts(db)).toEqual(before);
      expect(await prismaOf(db).committee.findFirst({ where: { slug: "fejludvalg" } })).toBeNull();
    });

    it("takes the good files of a directory and refuses only the bad one", async () => {
      await copyFile(SAERUDVALG_V1, path.join(scratch, "a-saerudvalg.yaml"));
      await copyFile(BAD_OBLIGATION, path.join(scratch, "b-bad.yaml"));
      const outcomes = await services.importer.importPath(scratch, at(NOW));
      expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
        ["a-saerudvalg.yaml", "created"],
        ["b-bad.yaml", "refused"],
      ]);
      expect(await rowCounts(db)).toMatchObject({ committees: 1, versions: 1, members: 6 });
      expect(await prismaOf(db).committee.findFirst({ where: { slug: "fejludvalg" } })).toBeNull();
    });

    it.each([
      {
        label: "YAML that does not parse",
        text: (v1: string) => v1.replace("slug: saerudvalg", "slug: [saerudvalg"),
        path: expect.stringMatching(/^line \d+, column \d+$/),
      },
      {
        label: "an owner seat nobody holds",
        text: (v1: string) => v1.replace("seats: [formand]", "seats: [kasserer]"),
        path: "obligations[1].owner.seats[0]",
      },
      {
        label: "a Slack id that is not one",
        text: (v1: string) => v1.replace("slack_id: U0SEC", "slack_id: sekretaer"),
        path: "members[1].slack_id",
      },
      {
        label: "due days that do not match the count",
        text: (v1: string) => v1.replace('due: ["03-01", "12-01"]', 'due: ["03-01"]'),
        path: "obligations[1].due",
      },
    ])("refuses $label with the path of the problem and stores nothing", async ({ text, path: problemPath }) => {
      const file = path.join(scratch, "broken.yaml");
      const v1 = await readFile(SAERUDVALG_V1, "utf8");
      const broken = text(v1);
      expect(broken).not.toBe(v1);
      await writeFile(file, broken);

      const outcomes = await services.importer.importPath(file, at(NOW));
      const [outcome] = outcomes;
      if (outcome?.status !== "refused") return expect.fail(`expected a refusal, got ${JSON.stringify(outcome)}`);
      expect(outcome.file).toBe(file);
      expect(outcome.problems).toContainEqual({ path: problemPath, message: expect.any(String) });
      expect(await rowCounts(db)).toEqual({ committees: 0, versions: 0, members: 0, deadlines: 0 });
    });

    it("refuses a path that does not exist", async () => {
      const missing = path.join(scratch, "nope.yaml");
      const outcomes = await services.importer.importPath(missing, at(NOW));
      expect(outcomes).toEqual([{ file: missing, status: "refused", problems: [expect.objectContaining({ path: "(file)" })] }]);
      expect(await rowCounts(db)).toEqual({ committees: 0, versions: 0, members: 0, deadlines: 0 });
    });

    /** The mandate as it read in version `number`. */
    async function mandateVersion(id: number, number: number) {
      const committee = await db.store.committees.byId(id);
      if (!committee) return expect.fail(`no committee ${id}`);
      return (await db.store.committees.atVersion(committee, number))?.mandate;
    }

    it("adds a new version for a changed file and keeps the older one readable", async () => {
      expect(await services.importer.importPath(SAERUDVALG_V1, at(NOW))).toEqual([
        { file: SAERUDVALG_V1, status: "created", slug: "saerudvalg", workspaceId: TEAM, version: 1 },
      ]);
      expect(await services.importer.importPath(SAERUDVALG_V2, at(LATER))).toEqual([
        { file: SAERUDVALG_V2, status: "new_version", slug: "saerudvalg", workspaceId: TEAM, version: 2 },
      ]);
      expect(await services.importer.importPath(SAERUDVALG_V2, at(addDaysTo(LATER, 1)))).toEqual([
        { file: SAERUDVALG_V2, status: "unchanged", slug: "saerudvalg", workspaceId: TEAM, version: 2, skipped: true },
      ]);

      const id = await committeeId(db, "saerudvalg");
      expect(await db.store.committees.versions(id)).toEqual([
        { number: 2, importedAt: LATER, sourceFile: SAERUDVALG_V2, visibility: "members" },
        { number: 1, importedAt: NOW, sourceFile: SAERUDVALG_V1, visibility: "members" },
      ]);
      const v1 = await mandateVersion(id, 1);
      const v2 = await mandateVersion(id, 2);
      expect(v1?.obligations?.map((o) => [o.id, o.title])).toEqual([
        ["statusrapport", "Statusrapport til direktionen"],
        ["budgetopfoelgning", "Budgetopfølgning"],
      ]);
      expect(v2?.obligations?.map((o) => [o.id, o.title])).toEqual([["statusrapport", "Statusrapport og regnskab til direktionen"]]);
      expect(v1?.members.find((m) => m.seat === "medlem")?.slack_id).toBe("U0MEMBER");
      expect(await mandateVersion(id, 3)).toBeUndefined();

      // The current committee is version 2, and so is its roster.
      const current = (await db.store.committees.all()).find((c) => c.slug === "saerudvalg");
      expect(current?.version).toEqual({ number: 2, importedAt: LATER, sourceFile: SAERUDVALG_V2, visibility: "members" });
      expect(current?.mandate.deadlines?.[0]?.due).toBe("2027-01-31");
      expect((await db.store.committees.rolesOf({ workspaceId: TEAM, slackUserId: "U0MEMBER" })).get(id)).toBeUndefined();
      expect((await db.store.committees.rolesOf({ workspaceId: TEAM, slackUserId: "U0NEWBIE" })).get(id)).toEqual(["member"]);

      // A member sees both versions in the history section.
      const { reply, text } = await run(
        services,
        "/mandat",
        "saerudvalg historik",
        { workspaceId: TEAM, slackUserId: "U0NEWBIE" },
        { now: addDaysTo(LATER, 1) },
      );
      const history = expectKind(reply, "mandate");
      expect(history.section).toBe("history");
      expect(history.versions?.map((v) => v.number)).toEqual([2, 1]);
      expect(text).toContain(`Version 2, indlæst 24. november 2026 fra \`${SAERUDVALG_V2}\``);
      expect(text).toContain(`Version 1, indlæst 23. november 2026 fra \`${SAERUDVALG_V1}\``);
    });

    it("brings the deadlines in line with a new version: open rows follow, removed ones go, resolved ones stay", async () => {
      await importAll(services, SAERUDVALG_V1);
      const statusDone = await deadlineIdByKey(db, "saerudvalg", "obligation:statusrapport:2026-12-15");
      const statusOpen = await deadlineIdByKey(db, "saerudvalg", "obligation:statusrapport:2027-06-15");
      const budgetDone = await deadlineIdByKey(db, "saerudvalg", "obligation:budgetopfoelgning:2026-12-01");
      const budgetOpen = await deadlineIdByKey(db, "saerudvalg", "obligation:budgetopfoelgning:2027-03-01");
      const report = await deadlineIdByKey(db, "saerudvalg", "deadline:aarsberetning");

      // Resolved through the command, as people will do it.
      expectKind((await run(services, "/frist", `udført ${budgetDone}`, CHAIR)).reply, "deadline-changed");
      expectKind((await run(services, "/frist", `udført ${statusDone}`, SECRETARIAT)).reply, "deadline-changed");
      const manual = expectKind(
        (await run(services, "/frist", "saerudvalg ny 2027-02-01 Forberede seminar", SECRETARIAT)).reply,
        "deadline-changed",
      );

      await importAll(services, SAERUDVALG_V2, LATER);

      const rows = await prismaOf(db).deadline.findMany({ where: { committee: { slug: "saerudvalg" } }, orderBy: { id: "asc" } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      // The removed duty: the open occurrence is gone, the done one is history.
      expect(byId.has(budgetOpen)).toBe(false);
      expect(byId.get(budgetDone)).toMatchObject({ status: "done", title: "Budgetopfølgning", resolvedBy: "U0CHAIR" });
      // The retitled duty: the open occurrence follows, the done one keeps what was resolved.
      expect(byId.get(statusOpen)).toMatchObject({ status: "open", title: "Statusrapport og regnskab til direktionen" });
      expect(byId.get(statusDone)).toMatchObject({ status: "done", title: "Statusrapport til direktionen" });
      // The moved deadline keeps its row (and number) with the new date.
      expect(byId.get(report)?.dueDate.toISOString().slice(0, 10)).toBe("2027-01-31");
      // A deadline added by hand is not the mandate's to remove.
      expect(byId.get(manual.view.deadline.id)).toMatchObject({ source: "manual", title: "Forberede seminar", status: "open" });
      expect(rows.filter((r) => r.sourceKey?.startsWith("obligation:budgetopfoelgning:")).map((r) => r.id)).toEqual([budgetDone]);
      // No mandate row is doubled.
      const keys = rows.flatMap((r) => (r.sourceKey ? [r.sourceKey] : []));
      expect(new Set(keys).size).toBe(keys.length);

      // And /frist says the same: the member's listing has the new title and date, not the removed duty.
      const { reply } = await run(services, "/frist", "saerudvalg", { workspaceId: TEAM, slackUserId: "U0NEWBIE" }, { now: LATER });
      const listing = expectKind(reply, "deadlines");
      expect(listing.items.map((v) => [v.deadline.title, v.deadline.dueDate])).toEqual([
        ["Årsberetning til direktionen", "2027-01-31"],
        ["Forberede seminar", "2027-02-01"],
      ]);
    });

    it("keeps a Slack id resolved from an e-mail across a new version while the e-mail is unchanged", async () => {
      await importAll(services, SAERUDVALG_V1);
      const id = await committeeId(db, "saerudvalg");
      const toResolve = await db.store.roster.seatsToResolve();
      expect(toResolve.map((m) => m.email).sort()).toEqual(["medlem@example.org", "observer@example.org", "secretariat@example.org"]);
      const medlem = toResolve.find((m) => m.seatId === "medlem-mail");
      const observer = toResolve.find((m) => m.seatId === "observatoer");
      if (!medlem || !observer) return expect.fail("the e-mail seats are missing");
      await db.store.roster.setSlackUserId(medlem.id, "U0RESOLVED");
      await db.store.roster.setSlackUserId(observer.id, "U0OBSERVER");
      expect((await db.store.committees.rolesOf({ workspaceId: TEAM, slackUserId: "U0RESOLVED" })).get(id)).toEqual(["member"]);

      await importAll(services, SAERUDVALG_V2, LATER);

      const members = await prismaOf(db).member.findMany({ where: { committeeId: id } });
      const seat = (seatId: string) => members.find((m) => m.seatId === seatId);
      expect(seat("medlem-mail")).toMatchObject({ email: "medlem@example.org", slackUserId: "U0RESOLVED" });
      // The observer's e-mail changed: the old resolution belongs to someone else now.
      expect(seat("observatoer")).toMatchObject({ email: "new-observer@example.org", slackUserId: null });
      expect(seat("medlem")).toMatchObject({ slackUserId: "U0NEWBIE" });
      expect((await db.store.committees.rolesOf({ workspaceId: TEAM, slackUserId: "U0RESOLVED" })).get(id)).toEqual(["member"]);
      expect((await db.store.committees.rolesOf({ workspaceId: TEAM, slackUserId: "U0OBSERVER" })).get(id)).toBeUndefined();
      expect((await db.store.roster.seatsToResolve()).map((m) => m.email).sort()).toEqual([
        "new-observer@example.org",
        "secretariat@example.org",
      ]);

      // The resolved member still sees the members-only committee.
      const { reply } = await run(services, "/mandat", "", { workspaceId: TEAM, slackUserId: "U0RESOLVED" }, { now: LATER });
      expect(expectKind(reply, "committees").mine.map((v) => [v.committee.slug, v.roles])).toEqual([["saerudvalg", ["member"]]]);
    });

    it("refuses the second of two files with the same slug and keeps the first", async () => {
      await copyFile(SAERUDVALG_V1, path.join(scratch, "a-saerudvalg.yaml"));
      await copyFile(SAERUDVALG_V2, path.join(scratch, "b-saerudvalg.yaml"));
      const outcomes = await services.importer.importPath(scratch, at(NOW));
      expect(outcomes).toEqual([
        { file: path.join(scratch, "a-saerudvalg.yaml"), status: "created", slug: "saerudvalg", workspaceId: TEAM, version: 1 },
        {
          file: path.join(scratch, "b-saerudvalg.yaml"),
          status: "refused",
          problems: [{ path: "slug", message: expect.stringContaining("a-saerudvalg.yaml") }],
        },
      ]);
      const id = await committeeId(db, "saerudvalg");
      expect((await db.store.committees.versions(id)).map((v) => v.number)).toEqual([1]);
      expect(await rowCounts(db)).toMatchObject({ committees: 1, versions: 1 });
      // Version 1's deadlines, not version 2's: the budget follow-up (1 March, 1 December) over the 400 days planned.
      expect(await prismaOf(db).deadline.count({ where: { sourceKey: { startsWith: "obligation:budgetopfoelgning:" } } })).toBe(3);
      expect((await db.store.committees.rolesOf(MEMBER)).get(id)).toEqual(["member"]);
    });
  });
});
