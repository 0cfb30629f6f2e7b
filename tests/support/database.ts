import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type DatabaseKind, openPglite, openPostgres, PGLITE_START_PARAMS } from "../../src/db/connect.js";
import { adminUrl, MIGRATIONS_DIR, withDatabase } from "./paths.js";

export interface TestDatabaseKind {
  kind: DatabaseKind;
  /** False when the machine has no PostgreSQL for tests; the suite is then skipped, not faked. */
  available: boolean;
}

/** PGlite always; PostgreSQL when TEST_DATABASE_URL is set (the global setup says so when not). */
export function databaseKinds(): TestDatabaseKind[] {
  return [
    { kind: "pglite", available: true },
    { kind: "postgresql", available: inject("postgresTemplate") !== "" },
  ];
}

/** A fresh, migrated database of its own for one test file. Close it to drop it. */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") {
    const dump = await readFile(inject("pgliteTemplate"));
    const pglite = new PGlite({ loadDataDir: new Blob([dump]), startParams: PGLITE_START_PARAMS });
    return openPglite(pglite, { migrationsDir: MIGRATIONS_DIR });
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!url || !template) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `mandat_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(withDatabase(url, name), { migrationsDir: MIGRATIONS_DIR });
  const close = db.close.bind(db);
  // The same object (src/db knows it), closing and then dropping its database.
  db.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: adminUrl(url) });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  };
  return db;
}
