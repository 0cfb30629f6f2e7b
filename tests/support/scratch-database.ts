import { randomBytes } from "node:crypto";
import pg from "pg";
import { adminUrl, withDatabase } from "./paths.js";

/**
 * An empty database of its own on the PostgreSQL server of `url`, for a benchmark outside
 * vitest (tests use openTestDatabase). Drop it when done.
 */
export async function createScratchDatabase(url: string, prefix = "mandat_bench"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl(url) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  return { url: withDatabase(url, name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
