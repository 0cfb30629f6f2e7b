// The databases a benchmark runs on: PGlite always, PostgreSQL when BENCH_DATABASE_URL names a
// server. On PostgreSQL every use gets a fresh database of its own, dropped afterwards; no
// other database on the server is touched.
import { type Database, openInMemory, openPostgres } from "../../src/db/connect.js";
import { MIGRATIONS_DIR } from "../../tests/support/paths.js";
import { createScratchDatabase } from "../../tests/support/scratch-postgres.js";
import type { Cleanup } from "./cleanup.js";

export type DatabaseKind = "pglite" | "postgresql";

export const DATABASE_LABEL: Record<DatabaseKind, string> = { pglite: "PGlite", postgresql: "PostgreSQL" };

/** A fresh PostgreSQL database for the bot as a process (it migrates it itself); dropped by `drop` or the cleanup. */
export async function scratchPostgres(serverUrl: string, cleanup: Cleanup): Promise<{ url: string; drop(): Promise<void> }> {
  const scratch = await createScratchDatabase(serverUrl, "mandat_bench");
  return { url: scratch.url, drop: cleanup.defer(() => scratch.drop()) };
}

/** A fresh, migrated database opened in this process: PGlite in memory, or a scratch PostgreSQL database. */
export async function openBenchDatabase(
  kind: DatabaseKind,
  serverUrl: string | undefined,
  cleanup: Cleanup,
): Promise<{ db: Database; close(): Promise<void> }> {
  if (kind === "pglite") {
    const db = await openInMemory({ migrationsDir: MIGRATIONS_DIR });
    return { db, close: cleanup.defer(() => db.close()) };
  }
  if (!serverUrl) throw new Error("PostgreSQL needs BENCH_DATABASE_URL");
  const scratch = await scratchPostgres(serverUrl, cleanup);
  const db = await openPostgres(scratch.url, { migrationsDir: MIGRATIONS_DIR });
  const close = cleanup.defer(() => db.close());
  return {
    db,
    async close() {
      await close();
      await scratch.drop();
    },
  };
}
