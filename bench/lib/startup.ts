// Issue 8, item 4: the compiled bot spawned with MANDATES_DIR holding N generated files, timed
// from spawn to its first 200 of /healthz (alive, listening: the import is done by then) and of
// /readyz; first on an empty database (the first import), then restarted on the same database
// with the same, unchanged files.
import { rm } from "node:fs/promises";
import type { FakeSlack } from "../../tests/support/fake-slack.js";
import { spawnCompiledBot } from "./bot-process.js";
import type { Cleanup } from "./cleanup.js";
import { DATABASE_LABEL, type DatabaseKind, scratchPostgres } from "./databases.js";
import { median, ms, table } from "./stats.js";

export interface StartupRow {
  database: DatabaseKind;
  committees: number;
  first: { healthz: number; readyz: number };
  restarts: { healthz: number; readyz: number }[];
}

export interface StartupContext {
  fake: FakeSlack;
  cleanup: Cleanup;
  postgresUrl: string | undefined;
  /** The directory of N generated mandate files. */
  mandatesDir(committees: number): Promise<string>;
  /** Where the embedded database for N committees lives (left in place for the RSS part). */
  dataDir(committees: number): string;
}

async function timeStart(context: StartupContext, where: { dataDir?: string; databaseUrl?: string }, committees: number) {
  const bot = await spawnCompiledBot({ fake: context.fake, mandatesDir: await context.mandatesDir(committees), ...where }, context.cleanup);
  try {
    return await bot.started;
  } finally {
    await bot.stop();
  }
}

export async function measureStartup(
  context: StartupContext,
  database: DatabaseKind,
  committees: number,
  restarts: number,
): Promise<StartupRow> {
  let where: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void> = async () => undefined;
  if (database === "pglite") {
    const dataDir = context.dataDir(committees);
    await rm(dataDir, { recursive: true, force: true });
    where = { dataDir };
  } else {
    if (!context.postgresUrl) throw new Error("PostgreSQL needs BENCH_DATABASE_URL");
    const scratch = await scratchPostgres(context.postgresUrl, context.cleanup);
    where = { databaseUrl: scratch.url };
    drop = scratch.drop;
  }
  try {
    const first = await timeStart(context, where, committees);
    const again: StartupRow["restarts"] = [];
    for (let i = 0; i < restarts; i++) again.push(await timeStart(context, where, committees));
    return { database, committees, first, restarts: again };
  } finally {
    await drop();
  }
}

export function startupTable(rows: readonly StartupRow[]): string {
  const restart = (r: StartupRow, probe: "healthz" | "readyz") => median(r.restarts.map((t) => t[probe]));
  return table(
    ["<database", "files", "first /healthz", "first /readyz", "restart /healthz", "restart /readyz", "<restarts (/healthz)"],
    rows.map((r) => [
      DATABASE_LABEL[r.database],
      String(r.committees),
      ms(r.first.healthz),
      ms(r.first.readyz),
      ms(restart(r, "healthz")),
      ms(restart(r, "readyz")),
      r.restarts.map((t) => ms(t.healthz)).join(", "),
    ]),
  );
}
