import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres, PGLITE_EXTENSIONS } from "../../src/db/connect.js";
import { adminUrl, MIGRATIONS_DIR, withDatabase } from "./paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory, dumped to a file; each test file loads its own copy. */
    pgliteTemplate: string;
    /** A migrated PostgreSQL database to create test databases from; "" without TEST_DATABASE_URL. */
    postgresTemplate: string;
  }
}

/**
 * Migrates each database once per run with the bot's own start-up path, so test files start
 * from a copy instead of migrating again, and every file gets a database of its own.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "mandat-test-"));
  const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS });
  const db = await openPglite(pglite, { migrationsDir: MIGRATIONS_DIR });
  const dump = await pglite.dumpDataDir("none");
  await db.close();
  const dumpFile = path.join(dir, "pglite-template.tar");
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", dumpFile);

  const url = process.env.TEST_DATABASE_URL;
  let template = "";
  if (url) {
    template = `mandat_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    const migrated = await openPostgres(withDatabase(url, template), { migrationsDir: MIGRATIONS_DIR });
    await migrated.close();
  } else {
    console.warn("\n[mandat] PostgreSQL suites are skipped: TEST_DATABASE_URL is not set (.ci/run sets it).\n");
  }
  project.provide("postgresTemplate", template);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: adminUrl(url) });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.end();
    }
  };
}
