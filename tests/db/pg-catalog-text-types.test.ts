import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { catalogTextPool } from "../../src/db/pg-catalog-text-types.js";

/**
 * prisma/prisma issue 27403: @prisma/adapter-pg cannot map columns of type `name` (OID 19) and
 * `"char"` (OID 18), which Prisma's WASM schema engine reads from the catalogs. The first test
 * documents the bug; when it starts failing, the adapter has been fixed and
 * src/db/pg-catalog-text-types.ts (and its use in prisma.config.ts) can be deleted.
 */

const URL = process.env.TEST_DATABASE_URL;
const CATALOG_QUERY = { sql: `SELECT 'x'::name AS n, 'y'::"char" AS c, 'z'::text AS t`, args: [], argTypes: [] };
/** What Prisma's schema engine actually reads: `name` columns of the catalog. */
const REAL_CATALOG_QUERY = {
  sql: `SELECT nspname AS schema_name, typname AS type_name, typtype AS kind FROM pg_type JOIN pg_namespace ON pg_namespace.oid = typnamespace WHERE typname = 'int4'`,
  args: [],
  argTypes: [],
};

describe.skipIf(!URL)("the OID 18/19 workaround for prisma issue 27403 (PostgreSQL)", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('a plain @prisma/adapter-pg adapter still throws on `name` and "char" columns (issue 27403 is not fixed)', async () => {
    const factory = new PrismaPg({ connectionString: URL });
    const adapter = await factory.connect();
    cleanups.push(() => adapter.dispose());
    const only = (type: string) => ({ sql: `SELECT 'x'::${type} AS v`, args: [], argTypes: [] });
    await expect(adapter.queryRaw(only("name"))).rejects.toMatchObject({ cause: { kind: "UnsupportedNativeDataType", type: "name" } });
    await expect(adapter.queryRaw(only('"char"'))).rejects.toMatchObject({ cause: { kind: "UnsupportedNativeDataType", type: "char" } });
    await expect(adapter.queryRaw(CATALOG_QUERY)).rejects.toThrow("UnsupportedNativeDataType");
    await expect(adapter.queryRaw(REAL_CATALOG_QUERY)).rejects.toThrow("UnsupportedNativeDataType");
    // Other queries are fine: the fault is only those two types.
    await expect(adapter.queryRaw({ sql: "SELECT 1::int AS one", args: [], argTypes: [] })).resolves.toMatchObject({ rows: [[1]] });
  });

  it("with catalogTextPool, those columns come back as text", async () => {
    const pool = catalogTextPool(URL ?? "");
    cleanups.push(() => pool.end());
    const adapter = await new PrismaPg(pool).connect();
    cleanups.push(() => adapter.dispose());

    const result = await adapter.queryRaw(CATALOG_QUERY);
    expect(result.columnNames).toEqual(["n", "c", "t"]);
    expect(result.rows).toEqual([["x", "y", "z"]]);
    const [nameType, charType, textType] = result.columnTypes;
    expect(nameType).toBe(textType);
    expect(charType).toBe(textType);

    const catalog = await adapter.queryRaw(REAL_CATALOG_QUERY);
    expect(catalog.rows).toEqual([["pg_catalog", "int4", "b"]]);
    expect(new Set(catalog.columnTypes).size).toBe(1);
  });

  it("… also inside a transaction the adapter starts (the schema engine uses those too)", async () => {
    const pool = catalogTextPool(URL ?? "");
    cleanups.push(() => pool.end());
    const adapter = await new PrismaPg(pool).connect();
    cleanups.push(() => adapter.dispose());
    const tx = await adapter.startTransaction();
    try {
      const result = await tx.queryRaw(CATALOG_QUERY);
      expect(result.rows).toEqual([["x", "y", "z"]]);
      expect(new Set(result.columnTypes).size).toBe(1);
    } finally {
      await tx.rollback();
    }
  });

  it("leaves other column types alone", async () => {
    const pool = catalogTextPool(URL ?? "");
    cleanups.push(() => pool.end());
    const adapter = await new PrismaPg(pool).connect();
    cleanups.push(() => adapter.dispose());
    const plain = await new PrismaPg({ connectionString: URL }).connect();
    cleanups.push(() => plain.dispose());
    const query = {
      sql: `SELECT 1::int4 AS i, 2::int8 AS b, true AS f, now() AS ts, '{"a":1}'::jsonb AS j, 'q'::text AS t`,
      args: [],
      argTypes: [],
    };
    const [wrapped, original] = await Promise.all([adapter.queryRaw(query), plain.queryRaw(query)]);
    expect(wrapped.columnTypes).toEqual(original.columnTypes);
    expect(wrapped.columnTypes[0]).not.toBe(wrapped.columnTypes[5]);
  });
});
