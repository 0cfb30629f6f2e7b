// Configuration for the Prisma CLI (generate, migrate deploy, migrate status, migrate diff).
// No native engine can be downloaded on our machines, so the CLI runs the JS engine through
// a driver adapter: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR.
// The bot applies migrations on start by running `prisma migrate deploy` with this file.

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";
import { catalogTextPool } from "./src/db/pg-catalog-text-types.js";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) return new PrismaPg(catalogTextPool(url), { disposeExternalPool: true });
    return new PrismaPGlite(new PGlite(process.env.DATA_DIR ?? "./data", { extensions: { pg_trgm } }));
  },
});
