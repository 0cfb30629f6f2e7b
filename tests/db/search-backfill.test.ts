import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openPglite, openPostgres, PGLITE_EXTENSIONS, prismaOf } from "../../src/db/connect.js";
import { migrate, readMigrations, type SqlSession } from "../../src/db/migrate.js";
import { indexUnindexedCommittees } from "../../src/db/search-repository.js";
import type { Mandate } from "../../src/domain/mandate.js";
import { mandatePassages } from "../../src/domain/mandate-search.js";
import { loadMandateFile } from "../../src/mandates/load-mandate-file.js";
import { createServices } from "../../src/services/create-services.js";
import { CaptureLogger } from "../support/capture-logger.js";
import { MANDATES_DIR, MIGRATIONS_DIR } from "../support/paths.js";
import { createScratchDatabase } from "../support/scratch-postgres.js";

/**
 * A database from before the search index: its committees and versions were stored without
 * passages, and the migration that adds the index cannot fold text (that is TypeScript). Opening
 * it, as the bot and the CLI do, indexes every committee's current version.
 */

const PG_URL = process.env.TEST_DATABASE_URL;
const INDEX_MIGRATION = "20261127000000_mandate_passages";
const TEAM = "T0001";

async function shipped(slug: string): Promise<Mandate> {
  const loaded = await loadMandateFile(`${MANDATES_DIR}/${slug}.yaml`);
  if (!loaded.ok) throw new Error(`${slug}: ${JSON.stringify(loaded.problems)}`);
  return loaded.mandate;
}

/** What a release before the index stored: committees and their versions, by plain SQL. */
async function storeAsBefore(session: SqlSession): Promise<{ norpremV1: Mandate; norpremV2: Mandate; dk: Mandate }> {
  const norpremV2 = await shipped("norprem");
  const norpremV1 = { ...norpremV2, purpose: "Et tidligere formål med ordet forgængerord." };
  const dk = await shipped("dk-personlig-medicin");
  const committee = async (slug: string, mandate: Mandate) =>
    (
      await session.query<{ id: number }>(
        `INSERT INTO "Committee" ("workspaceId", "slug", "language", "timeZone", "country", "visibility", "names", "createdAt")
         VALUES ($1, $2, $3, $4, $5, 'public', $6, now()) RETURNING "id"`,
        [TEAM, slug, mandate.language, mandate.time_zone, mandate.country, JSON.stringify(mandate.names)],
      )
    )[0]?.id;
  const version = (committeeId: number | undefined, number: number, content: unknown) =>
    session.query(
      `INSERT INTO "MandateVersion" ("committeeId", "number", "contentHash", "content", "sourceFile", "importedAt")
       VALUES ($1, $2, $3, $4, 'before.yaml', now())`,
      [committeeId, number, `hash-${number}`, JSON.stringify(content)],
    );
  const norprem = await committee("norprem", norpremV2);
  await version(norprem, 1, norpremV1);
  await version(norprem, 2, norpremV2);
  await version(await committee("dk-personlig-medicin", dk), 1, dk);
  // A stored version a later schema refuses: its committee is left out of reads, and of the index.
  const broken = await committee("broken", dk);
  await version(broken, 1, { ...dk, format: "mandat/v0" });
  return { norpremV1, norpremV2, dk };
}

interface Before {
  session: SqlSession;
  open(logger: CaptureLogger): Promise<Database>;
  close(): Promise<void>;
}

const kinds: Record<"pglite" | "postgresql", () => Promise<Before>> = {
  async pglite() {
    const db = new PGlite({ extensions: PGLITE_EXTENSIONS });
    return {
      session: {
        async query(sql, params) {
          return (await db.query<Record<string, unknown>>(sql, params)).rows as never;
        },
        async exec(sql) {
          await db.exec(sql);
        },
      },
      open: (logger) => openPglite(db, { migrationsDir: MIGRATIONS_DIR, logger }),
      close: async () => {
        if (!db.closed) await db.close();
      },
    };
  },
  async postgresql() {
    if (!PG_URL) throw new Error("TEST_DATABASE_URL is not set");
    const scratch = await createScratchDatabase(PG_URL, "mandat_backfill");
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    return {
      session: {
        async query(sql, params) {
          return (await client.query(sql, params)).rows as never;
        },
        async exec(sql) {
          await client.query(sql);
        },
      },
      open: (logger) => openPostgres(scratch.url, { migrationsDir: MIGRATIONS_DIR, logger }),
      async close() {
        await client.end();
        await scratch.drop();
      },
    };
  },
};

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgresql" as const, available: Boolean(PG_URL) },
])("a database from before the search index, on $kind", ({ kind, available }) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  it.skipIf(!available)("gets every committee's current version indexed when it is opened, once", async () => {
    const before = await kinds[kind]();
    cleanups.push(() => before.close());
    const all = await readMigrations(MIGRATIONS_DIR);
    const at = all.findIndex((m) => m.name === INDEX_MIGRATION);
    expect(at).toBeGreaterThan(0);
    await migrate(before.session, all.slice(0, at));
    const { norpremV2, dk } = await storeAsBefore(before.session);

    const logger = new CaptureLogger();
    const db = await before.open(logger);
    cleanups.push(() => db.close());
    const prisma = prismaOf(db);

    // The current version's passages, in mandate order; none of the earlier version, none of the broken one.
    const passagesOf = async (slug: string) =>
      (
        await prisma.mandatePassage.findMany({
          where: { committee: { slug } },
          orderBy: { position: "asc" },
          select: { text: true, version: { select: { number: true } } },
        })
      ).map((p) => [p.version.number, p.text]);
    expect(await passagesOf("norprem")).toEqual(mandatePassages(norpremV2).map((p) => [2, p.text]));
    expect(await passagesOf("dk-personlig-medicin")).toEqual(mandatePassages(dk).map((p) => [1, p.text]));
    expect(await passagesOf("broken")).toEqual([]);
    expect(logger.at("error").map((e) => e.msg)).toEqual([
      expect.stringContaining("it is not searchable until a valid version is imported"),
    ]);

    const { directory } = createServices(db.store, logger);
    const search = async (query: string) =>
      (await directory.search({ workspaceId: TEAM, slackUserId: "U0ANYONE" }, query)).results.map((r) => r.committee.slug);
    expect(await search("kompetansenettverk")).toEqual(["norprem"]);
    expect(await search("forgængerord")).toEqual([]);
    expect(await search("personlig medicin")).toEqual(["dk-personlig-medicin"]);

    // Indexed now: opening again has nothing to do but the broken committee, which stays out.
    expect(await indexUnindexedCommittees(prisma)).toBe(0);
    expect(await passagesOf("broken")).toEqual([]);
  });
});
