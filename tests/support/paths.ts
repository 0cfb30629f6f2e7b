import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export { MIGRATIONS_DIR } from "../../src/db/migrate.js";
export const MANDATES_DIR = path.join(ROOT, "mandates");

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Where to run CREATE/DROP DATABASE: the server's `postgres` database. */
export function adminUrl(url: string): string {
  return withDatabase(url, "postgres");
}
