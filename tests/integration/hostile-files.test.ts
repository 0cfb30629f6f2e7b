import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaOf } from "../../src/db/connect.js";
import { importReport } from "../../src/mandates/report-import.js";
import { databaseKinds } from "../support/database.js";
import { HOSTILE_FILES, writeHostileDirectory } from "../support/hostile-mandates.js";
import { smallMandate } from "../support/small-mandate.js";
import { NOW, rowCounts, TEAM, useDatabase } from "./helpers.js";

/**
 * One bad file never stops an import: with broken, hostile and unreadable files beside a good
 * one, the good one is stored and each bad one is refused with the file, the place and the
 * problem. Nothing throws.
 */

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-hostile-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(databaseKinds())("hostile mandate files on $kind", ({ kind, available }) => {
  describe.skipIf(!available)("import", () => {
    const harness = useDatabase(kind, async () => undefined);
    const at = { now: NOW, defaultWorkspace: TEAM };

    it("a directory of hostile files: the good one is stored, every other one refused with its place and problem", async () => {
      const dir = path.join(scratch, `hostile-${kind}`);
      await writeHostileDirectory(dir);
      const outcomes = await harness().services.importer.importPath(dir, at);
      expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
        ["a-good.yaml", "created"],
        ...Object.keys(HOSTILE_FILES).map((name) => [name, "refused"]),
      ]);
      for (const outcome of outcomes.slice(1)) {
        if (outcome.status !== "refused") return expect.fail(`${outcome.file} was not refused`);
        const expected = HOSTILE_FILES[path.basename(outcome.file)];
        expect(outcome.problems, outcome.file).toEqual([
          {
            path: typeof expected?.path === "string" ? expected.path : expect.stringMatching(expected?.path ?? /never/),
            message: typeof expected?.message === "string" ? expected.message : expect.stringMatching(expected?.message ?? /never/),
          },
        ]);
      }
      const report = importReport(outcomes);
      expect(report).not.toMatch(/\n\s+at /); // no stack trace
      expect(await rowCounts(harness().db)).toMatchObject({ committees: 1, versions: 1 });
    });

    it("a file the database refuses (here a trigger) is refused with the database's words; the next file is still stored", async () => {
      const prisma = prismaOf(harness().db);
      await prisma.$executeRawUnsafe(`
        CREATE FUNCTION refuse_afvist() RETURNS trigger AS $$
        BEGIN
          IF NEW.slug = 'afvist' THEN RAISE EXCEPTION 'the test refuses committee afvist'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_afvist BEFORE INSERT ON "Committee" FOR EACH ROW EXECUTE FUNCTION refuse_afvist()`,
      );
      try {
        const dir = path.join(scratch, `db-refuses-${kind}`);
        await mkdir(dir);
        await writeFile(path.join(dir, "a-afvist.yaml"), smallMandate("afvist"));
        await writeFile(path.join(dir, "b-efter.yaml"), smallMandate("efter"));
        const outcomes = await harness().services.importer.importPath(dir, at);
        expect(outcomes).toEqual([
          {
            file: path.join(dir, "a-afvist.yaml"),
            status: "refused",
            problems: [{ path: "(database)", message: expect.stringMatching(/^could not be stored: .*the test refuses committee afvist/) }],
          },
          expect.objectContaining({ file: path.join(dir, "b-efter.yaml"), status: "created", slug: "efter" }),
        ]);
        expect(await prisma.committee.findFirst({ where: { slug: "afvist" } })).toBeNull();
      } finally {
        await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_afvist ON "Committee"`);
        await prisma.$executeRawUnsafe("DROP FUNCTION refuse_afvist()");
      }
    });

    it("a directory that cannot be listed (a loop of links) is refused, saying why, and nothing throws", async () => {
      const a = path.join(scratch, `loop-a-${kind}`);
      const b = path.join(scratch, `loop-b-${kind}`);
      await symlink(b, a);
      await symlink(a, b);
      expect(await harness().services.importer.importPath(a, at)).toEqual([
        { file: a, status: "refused", problems: [{ path: "(file)", message: "is a loop of symbolic links" }] },
      ]);
    });
  });
});
