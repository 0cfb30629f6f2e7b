import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PGLITE_EXTENSIONS } from "../../src/db/connect.js";
import { MigrationError, migrate, readMigrations, type SqlSession } from "../../src/db/migrate.js";
import { adminUrl, MIGRATIONS_DIR, ROOT, withDatabase } from "../support/paths.js";

/**
 * Our migration runner against a fresh database of each kind: it must keep Prisma's own
 * bookkeeping (`_prisma_migrations`, sha256 checksums) so that the Prisma CLI and the bot agree.
 */

const PRISMA_MIGRATE_LOCK = 72707369;
const PG_URL = process.env.TEST_DATABASE_URL;
/** Adds Deadline.titleKey and the partial unique index that schema.prisma cannot declare. */
const ONCE_MIGRATION = "20261125000000_manual_deadline_once";

interface FreshDatabase {
  session: SqlSession;
  /** PostgreSQL only: the database's URL, for a second connection or the Prisma CLI. */
  url?: string;
  close(): Promise<void>;
}

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

function pgSession(client: pg.Client): SqlSession {
  return {
    async query(sql, params) {
      return (await client.query(sql, params)).rows as never;
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  if (!PG_URL) throw new Error("TEST_DATABASE_URL is not set");
  const admin = new pg.Client({ connectionString: adminUrl(PG_URL) });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** An empty PostgreSQL database of its own; dropped by the returned function. */
async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `mandat_mig_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return { url: withDatabase(PG_URL, name), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function connectPg(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const fresh: Record<"pglite" | "postgresql", () => Promise<FreshDatabase>> = {
  async pglite() {
    const db = new PGlite({ extensions: PGLITE_EXTENSIONS });
    await db.waitReady;
    return { session: pgliteSession(db), close: () => db.close() };
  },
  async postgresql() {
    const { url, drop } = await createPgDatabase();
    const client = await connectPg(url);
    return {
      session: pgSession(client),
      url,
      async close() {
        await client.end();
        await drop();
      },
    };
  },
};

interface BookkeepingRow extends Record<string, unknown> {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const bookkeeping = (session: SqlSession) =>
  session.query<BookkeepingRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at`);

const tableExists = async (session: SqlSession, table: string) =>
  (await session.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`public."${table}"`]))[0]?.t != null;

/** Held advisory locks on the migrate key in this database (from any session). */
const migrateLocksHeld = async (session: SqlSession) =>
  Number(
    (
      await session.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [PRISMA_MIGRATE_LOCK],
      )
    )[0]?.n ?? -1,
  );

/** The migrations on disk, each with the sha256 of its migration.sql bytes, computed here. */
async function migrationsOnDisk(dir: string): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(path.join(dir, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-migrate-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of prisma/migrations to change without touching the real one. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, "migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgresql" as const, available: Boolean(PG_URL) },
])("migrate on $kind", ({ kind, available }) => {
  let db: FreshDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it.skipIf(!available)("applies every migration once, recorded in _prisma_migrations with the sha256 of migration.sql", async () => {
    db = await fresh[kind]();
    const onDisk = await migrationsOnDisk(MIGRATIONS_DIR);
    expect(onDisk.length).toBeGreaterThan(0);

    const applied = await migrate(db.session, await readMigrations(MIGRATIONS_DIR));
    expect(applied).toEqual(onDisk.map((m) => m.name));

    const rows = await bookkeeping(db.session);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(onDisk.map((m) => [m.name, m.checksum]));
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    for (const table of ["Committee", "MandateVersion", "Member", "Deadline"]) expect(await tableExists(db.session, table)).toBe(true);
    expect(await migrateLocksHeld(db.session)).toBe(0);

    // A second run applies nothing and leaves the records as they were.
    expect(await migrate(db.session, await readMigrations(MIGRATIONS_DIR))).toEqual([]);
    expect(await bookkeeping(db.session)).toEqual(rows);
    expect(await migrateLocksHeld(db.session)).toBe(0);
  });

  it.skipIf(!available)("refuses a migration whose file changed after it was applied, and applies nothing", async () => {
    db = await fresh[kind]();
    await migrate(db.session, await readMigrations(MIGRATIONS_DIR));
    const before = await bookkeeping(db.session);

    const edited = await copyOfMigrations();
    const [first] = await migrationsOnDisk(edited);
    if (!first) throw new Error("no migrations");
    await appendFile(path.join(edited, first.name, "migration.sql"), "\n-- an innocent-looking edit\n");
    await mkdir(path.join(edited, "29990101000000_after_the_edit"));
    await writeFile(path.join(edited, "29990101000000_after_the_edit", "migration.sql"), `CREATE TABLE "AfterTheEdit" ("id" INTEGER);\n`);

    const run = migrate(db.session, await readMigrations(edited));
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
    expect(await bookkeeping(db.session)).toEqual(before);
    expect(await tableExists(db.session, "AfterTheEdit")).toBe(false);
    expect(await migrateLocksHeld(db.session)).toBe(0);
  });

  it.skipIf(!available)("rolls back a failing migration: not recorded as finished, none of its tables exist", async () => {
    db = await fresh[kind]();
    const dir = await copyOfMigrations();
    const broken = "29991231000000_broken";
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      [
        `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);`,
        `ALTER TABLE "Committee" ADD COLUMN "halfDone" TEXT;`,
        `SELECT * FROM "no_such_table";`,
        `CREATE TABLE "NeverReached" ("id" INTEGER);`,
        "",
      ].join("\n"),
    );

    const run = migrate(db.session, await readMigrations(dir));
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(new RegExp(`Migration ${broken} failed and was rolled back: .*no_such_table`));

    // The good migrations before it stay applied; nothing of the broken one remains.
    const rows = await bookkeeping(db.session);
    const good = await migrationsOnDisk(MIGRATIONS_DIR);
    expect(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name)).toEqual(good.map((m) => m.name));
    expect(rows.filter((r) => r.migration_name === broken && r.finished_at !== null)).toEqual([]);
    expect(await tableExists(db.session, "HalfDone")).toBe(false);
    expect(await tableExists(db.session, "NeverReached")).toBe(false);
    const column = await db.session.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Committee' AND column_name = 'halfDone'`,
    );
    expect(column).toEqual([]);
    // The session is usable again (no transaction left aborted) and the lock is released.
    expect(await migrateLocksHeld(db.session)).toBe(0);

    // With the broken migration fixed, the next run applies it.
    await writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);\n`);
    expect(await migrate(db.session, await readMigrations(dir))).toEqual([broken]);
    expect(await tableExists(db.session, "HalfDone")).toBe(true);
  });
  it.skipIf(!available)(
    "the once-only index of hand-added deadlines keeps what was stored before it: earlier duplicates stay, open, without a key",
    async () => {
      db = await fresh[kind]();
      const all = await readMigrations(MIGRATIONS_DIR);
      const at = all.findIndex((m) => m.name === ONCE_MIGRATION);
      expect(at).toBeGreaterThan(0);
      await migrate(db.session, all.slice(0, at));
      await db.session.exec(`
        INSERT INTO "Committee" ("workspaceId", "slug", "language", "timeZone", "country", "visibility", "names", "createdAt")
        VALUES ('T0001', 'udvalg', 'da', 'Europe/Copenhagen', 'DK', 'public', '{}', now());
        INSERT INTO "Deadline" ("committeeId", "source", "title", "owner", "dueDate", "status", "createdAt") VALUES
          (1, 'manual', 'Slutrapport', '{}', '2027-06-01', 'open', now()),
          (1, 'manual', 'slutrapport', '{}', '2027-06-01', 'open', now()),
          (1, 'manual', 'Slutrapport', '{}', '2027-06-01', 'done', now()),
          (1, 'manual', 'Budget', '{}', '2027-06-01', 'open', now()),
          (1, 'obligation', 'Slutrapport', '{}', '2027-06-01', 'open', now());
      `);
      expect(await migrate(db.session, all)).toEqual(all.slice(at).map((m) => m.name));
      const rows = await db.session.query<{ id: number; status: string; titleKey: string | null }>(
        `SELECT "id", "status", "titleKey" FROM "Deadline" ORDER BY "id"`,
      );
      expect(rows.map((r) => [r.id, r.status, r.titleKey])).toEqual([
        [1, "open", "slutrapport"],
        [2, "open", null],
        [3, "done", "slutrapport"],
        [4, "open", "budget"],
        [5, "open", null],
      ]);
      // From now on the index holds: a third open "Slutrapport" of that day is refused by the database.
      await expect(
        db.session.exec(`INSERT INTO "Deadline" ("committeeId", "source", "title", "titleKey", "owner", "dueDate", "status", "createdAt")
                         VALUES (1, 'manual', 'SLUTRAPPORT', 'slutrapport', '{}', '2027-06-01', 'open', now())`),
      ).rejects.toThrow(/Deadline_open_manual_title_key/);
    },
  );
});

describe.skipIf(!PG_URL)("migrate on PostgreSQL with other processes", () => {
  const dbs: { url: string; drop: () => Promise<void> }[] = [];
  const newDatabase = async () => {
    const created = await createPgDatabase();
    dbs.push(created);
    return created.url;
  };
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it("applies each migration once when two replicas start at the same moment", async () => {
    const url = await newDatabase();
    const [a, b] = await Promise.all([connectPg(url), connectPg(url)]);
    try {
      const migrations = await readMigrations(MIGRATIONS_DIR);
      const results = await Promise.all([migrate(pgSession(a), migrations), migrate(pgSession(b), migrations)]);
      expect(results.flat().sort()).toEqual(migrations.map((m) => m.name).sort());
      const rows = await bookkeeping(pgSession(a));
      expect(rows).toHaveLength(migrations.length);
    } finally {
      await a.end();
      await b.end();
    }
  });

  /** The Prisma CLI (its JS engine through prisma.config.ts and the OID 18/19 workaround). */
  function prismaCli(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" };
    delete env.DATA_DIR;
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["node_modules/prisma/build/index.js", ...args],
        { cwd: ROOT, env, timeout: 60_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, output: `${stdout}\n${stderr}` });
        },
      );
    });
  }

  it("the Prisma CLI agrees: `prisma migrate status` finds the migrated database up to date", { timeout: 90_000 }, async () => {
    const url = await newDatabase();
    const client = await connectPg(url);
    try {
      await migrate(pgSession(client), await readMigrations(MIGRATIONS_DIR));
    } finally {
      await client.end();
    }
    const status = await prismaCli(["migrate", "status"], url);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.output).not.toContain("could not be deserialized");
    expect(status.code).toBe(0);
  });

  it("… and it is not blind: on an empty database it reports the migrations as not applied", { timeout: 90_000 }, async () => {
    const url = await newDatabase();
    const status = await prismaCli(["migrate", "status"], url);
    expect(status.output).toMatch(/have not yet been applied/);
    expect(status.code).not.toBe(0);
  });

  it("`prisma migrate diff` from the migrations to schema.prisma is empty: the schema agrees, and Prisma does not try to drop the partial index", {
    timeout: 90_000,
  }, async () => {
    // --from-migrations applies the migrations to the (empty) database DATABASE_URL names, then
    // compares; the adapter in prisma.config.ts allows no separate shadow database URL.
    const diff = await prismaCli(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      await newDatabase(),
    );
    expect(diff.output).toContain("This is an empty migration.");
    expect(diff.output).not.toMatch(/DROP INDEX|CREATE/);
    expect(diff.code).toBe(0);
  });

  it("… and it is not blind: an index in the migrations that the schema lacks, unless partial, is one it would drop", {
    timeout: 90_000,
  }, async () => {
    const dir = await copyOfMigrations();
    const file = path.join(dir, ONCE_MIGRATION, "migration.sql");
    const sql = await readFile(file, "utf8");
    expect(sql).toContain(`WHERE "status" = 'open' AND "source" = 'manual';`);
    await writeFile(file, sql.replace(`\nWHERE "status" = 'open' AND "source" = 'manual';`, ";"));
    const diff = await prismaCli(
      ["migrate", "diff", "--from-migrations", dir, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      await newDatabase(),
    );
    expect(diff.output).toContain(`DROP INDEX "Deadline_open_manual_title_key";`);
  });

  it("… and the other way round: after `prisma migrate deploy`, the bot's runner has nothing to apply", { timeout: 90_000 }, async () => {
    const url = await newDatabase();
    const deploy = await prismaCli(["migrate", "deploy"], url);
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.code).toBe(0);
    const client = await connectPg(url);
    try {
      expect(await migrate(pgSession(client), await readMigrations(MIGRATIONS_DIR))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
