import pg from "pg";

/**
 * Workaround for prisma/prisma issue 27403 ("Column type 'name' could not be deserialized").
 *
 * Prisma's WASM schema engine (used by `prisma migrate` when no native engine can be
 * downloaded) reads catalog columns of PostgreSQL type `name` (OID 19) and `"char"` (OID 18).
 * @prisma/adapter-pg 6.19 has no mapping for those OIDs and throws. Both are plain text on the
 * wire, so we report them as `text` (OID 25) before the adapter maps column types.
 *
 * Only prisma.config.ts (the Prisma CLI) needs this; the bot's own queries never select
 * catalog columns. Delete this file when adapter-pg maps OIDs 18 and 19 itself: the test in
 * tests/db/pg-catalog-text-types.test.ts fails loudly once the plain adapter stops throwing.
 */
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Fields = { dataTypeID: number }[];

function reportAsText(result: unknown): void {
  // A multi-statement query answers with an array of results.
  for (const one of Array.isArray(result) ? result : [result]) {
    const fields: Fields | undefined = (one as { fields?: Fields } | undefined)?.fields;
    for (const field of fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
}

/** A pg Client whose results describe `name` and `"char"` columns as `text`. */
export class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); we keep its arguments
  // untouched and only rewrite the field descriptions of what comes back.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (err: unknown, result: unknown) => void;
      args[args.length - 1] = (err: unknown, result: unknown) => {
        if (!err) reportAsText(result);
        callback(err, result);
      };
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) {
      return returned.then((result) => {
        reportAsText(result);
        return result;
      }) as never;
    }
    return returned as never;
  }
}

/** A pool for @prisma/adapter-pg whose connections are CatalogTextClients. */
export function catalogTextPool(connectionString: string): pg.Pool {
  // The Prisma CLI never disposes its adapter: let the process exit once the pool is idle.
  return new pg.Pool({ connectionString, Client: CatalogTextClient, allowExitOnIdle: true });
}
