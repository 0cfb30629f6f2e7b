import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import {
  type Database,
  type DatabaseKind,
  openPglite,
  openPostgres,
  PGLITE_EXTENSIONS,
  PGLITE_START_PARAMS,
} from "../../src/db/connect.js";
import { PrismaClient } from "../../src/db/generated/client.js";
import { createStore } from "../../src/db/store.js";
import type { Store } from "../../src/services/ports.js";
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

/** The URL of each PostgreSQL test database, so a test can open more connections to it. */
const urls = new WeakMap<Database, string>();

/** A fresh, migrated database of its own for one test file. Close it to drop it. */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") {
    const dump = await readFile(inject("pgliteTemplate"));
    const pglite = new PGlite({ loadDataDir: new Blob([dump]), startParams: PGLITE_START_PARAMS, extensions: PGLITE_EXTENSIONS });
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
  urls.set(db, withDatabase(url, name));
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

/** The connection URL of a PostgreSQL database opened by openTestDatabase. */
export function testDatabaseUrl(db: Database): string {
  const url = urls.get(db);
  if (!url) throw new Error("not a PostgreSQL database opened by openTestDatabase");
  return url;
}

/**
 * Another replica of the bot on the same PostgreSQL test database: its own pool and its own
 * store (and so its own mandate cache), opened the way the bot opens one. Close it before the
 * database itself.
 */
export function openReplica(db: Database): Promise<Database> {
  return openPostgres(testDatabaseUrl(db), { migrationsDir: MIGRATIONS_DIR });
}

/** The URL with every transaction of its connections read only: any write through it fails. */
export function readOnlyUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set("options", "-c default_transaction_read_only=on");
  return u.toString();
}

/**
 * A replica of the bot whose connections can only read (`default_transaction_read_only`): a
 * store over the same test database on which an INSERT, UPDATE or DELETE throws. Opened without
 * the start-up migration, which writes.
 */
export async function openReadOnlyReplica(db: Database): Promise<{ store: Store; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: readOnlyUrl(testDatabaseUrl(db)), max: 4 });
  const { rows } = await pool.query<{ default_transaction_read_only: string }>("SHOW default_transaction_read_only");
  if (rows[0]?.default_transaction_read_only !== "on") throw new Error("the replica's connections are not read only");
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    store: createStore(prisma),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
