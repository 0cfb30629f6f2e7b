import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Logger } from "../logging/logger.js";
import type { Store } from "../services/ports.js";
import { lockDataDir } from "./data-dir-lock.js";
import { PrismaClient } from "./generated/client.js";
import { migrate, readMigrations, type SqlSession } from "./migrate.js";
import { indexUnindexedCommittees } from "./search-repository.js";
import { createStore } from "./store.js";

export type DatabaseKind = "pglite" | "postgresql";

/** An open database: the store the services use, and its lifecycle. */
export interface Database {
  kind: DatabaseKind;
  store: Store;
  /** Whether the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrationsDir: string;
  /** Where a dropped idle PostgreSQL connection is reported. */
  logger?: Logger;
}

const clients = new WeakMap<Database, PrismaClient>();

/**
 * The Prisma client behind a database, for tests that inspect tables directly (row counts,
 * what was stored). The bot itself only ever goes through `store`.
 */
export function prismaOf(db: Database): PrismaClient {
  const prisma = clients.get(db);
  if (!prisma) throw new Error("not a database opened by src/db/connect.ts");
  return prisma;
}

function database(
  kind: DatabaseKind,
  prisma: PrismaClient,
  lifecycle: Pick<Database, "ping" | "close">,
  logger: Logger | undefined,
): Database {
  const db: Database = { kind, store: createStore(prisma, logger), ...lifecycle };
  clients.set(db, prisma);
  return db;
}

/**
 * PGlite's default start parameters plus a smaller shared buffer pool: idle RSS drops from
 * about 365 MB to about 250 MB (measured, see docs/decisions) at no cost for our data sizes.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * The extensions the migrations create (pg_trgm: the search index). PGlite must be given them
 * when an instance is made, or CREATE EXTENSION, and later any use of their index, fails.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

function pgliteSession(db: PGlite): SqlSession {
  return {
    async query(sql, params) {
      return (await db.query<Record<string, unknown>>(sql, params)).rows as never;
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
}

/** Opens an already created PGlite instance (tests load one from a migrated dump). */
export async function openPglite(db: PGlite, options: OpenOptions & { onClose?: () => void }): Promise<Database> {
  await migrate(pgliteSession(db), await readMigrations(options.migrationsDir));
  // The adapter's types come from the same @prisma/driver-adapter-utils (package.json overrides).
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  await indexUnindexedCommittees(prisma, options.logger);
  return database(
    "pglite",
    prisma,
    {
      async ping() {
        try {
          await db.query("SELECT 1");
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await prisma.$disconnect();
        await db.close();
        options.onClose?.();
      },
    },
    options.logger,
  );
}

/** A fresh embedded database in memory, gone when closed (benchmarks, throw-away runs). */
export async function openInMemory(options: OpenOptions): Promise<Database> {
  return openPglite(new PGlite({ startParams: PGLITE_START_PARAMS, extensions: PGLITE_EXTENSIONS }), options);
}

/** The embedded database in `dataDir`, locked against a second process. */
export async function openEmbedded(dataDir: string, options: OpenOptions): Promise<Database> {
  const lock = lockDataDir(dataDir);
  try {
    const db = new PGlite(dataDir, { startParams: PGLITE_START_PARAMS, extensions: PGLITE_EXTENSIONS });
    await db.waitReady;
    return await openPglite(db, { ...options, onClose: () => lock.release() });
  } catch (error) {
    lock.release();
    throw error;
  }
}

export async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover, a proxy's timeout) is an event, not a
  // crash: the pool opens a new one on next use. Without a listener Node would exit.
  pool.on("error", (error) =>
    options.logger?.warn({ err: error }, "PostgreSQL closed an idle connection; a new one is opened on next use"),
  );
  const client = await pool.connect();
  try {
    await migrate(
      {
        async query(sql, params) {
          return (await client.query(sql, params)).rows;
        },
        async exec(sql) {
          await client.query(sql);
        },
      },
      await readMigrations(options.migrationsDir),
    );
  } finally {
    client.release();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  await indexUnindexedCommittees(prisma, options.logger);
  return database(
    "postgresql",
    prisma,
    {
      async ping() {
        try {
          await pool.query("SELECT 1");
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    },
    options.logger,
  );
}

/** PostgreSQL when a URL is given, else the embedded PGlite in `dataDir`. */
export function openDatabase(config: { databaseUrl?: string | undefined; dataDir: string }, options: OpenOptions): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, options) : openEmbedded(config.dataDir, options);
}
