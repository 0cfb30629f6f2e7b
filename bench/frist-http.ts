// `npm run bench`: reply time of slash commands over the real signed-HTTP path.
// Starts the Bolt app on a loopback port with the shipped mandates, on PGlite (in memory) and,
// when BENCH_DATABASE_URL is set, on that PostgreSQL database (it must be empty or a Mandat one),
// then sends signed requests one after another, as Slack would, and prints percentiles.
// Web API calls go to the tests' local fake Slack; nothing leaves the machine.
import { PGlite } from "@electric-sql/pglite";
import { LogLevel } from "@slack/bolt";
import { type Database, openPglite, openPostgres, PGLITE_START_PARAMS } from "../src/db/connect.js";
import { createServices } from "../src/services/create-services.js";
import { createSlackApp } from "../src/slack/app.js";
import { FakeSlack } from "../tests/support/fake-slack.js";
import { MANDATES_DIR, MIGRATIONS_DIR } from "../tests/support/paths.js";
import { postSigned, SIGNING_SECRET, slashCommandForm } from "../tests/support/slack-request.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP = 20;
const CASES = [
  { command: "/frist", text: "" },
  { command: "/frist", text: "norprem" },
  { command: "/frist", text: "alle" },
  { command: "/mandat", text: "norprem" },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(label: string, db: Database): Promise<void> {
  const fake = new FakeSlack();
  await fake.start();
  const services = createServices(db.prisma);
  await services.importer.importPath(MANDATES_DIR, new Date());
  const slack = createSlackApp({
    connection: { mode: "http", botToken: "xoxb-bench", signingSecret: SIGNING_SECRET },
    port: 0,
    apiUrl: fake.apiUrl,
    services,
    clock: () => new Date(),
    defaultLanguage: "en",
    health: async () => ({ ok: true, database: db.kind }),
    logLevel: LogLevel.ERROR,
  });
  const port = await slack.start();
  const url = `http://127.0.0.1:${port}/slack/events`;
  for (const c of CASES) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const res = await postSigned(url, slashCommandForm(c));
      if (res.status !== 200 || !res.json?.blocks) throw new Error(`${c.command} ${c.text}: HTTP ${res.status}`);
      if (i >= WARMUP) times.push(res.ms);
    }
    times.sort((a, b) => a - b);
    const row = [
      label,
      `${c.command} ${c.text}`.padEnd(16),
      ...[50, 95, 99].map((p) => percentile(times, p).toFixed(1).padStart(7)),
      times.at(-1)?.toFixed(1).padStart(7),
    ];
    console.log(row.join("  "));
  }
  await slack.stop();
  await fake.stop();
}

console.log(`Node ${process.version}, ${ROUNDS} signed requests per case after ${WARMUP} warm-up, one at a time (ms)`);
console.log(["database  ", "command         ", "    p50", "    p95", "    p99", "    max"].join("  "));
const pglite = await openPglite(new PGlite({ startParams: PGLITE_START_PARAMS }), { migrationsDir: MIGRATIONS_DIR });
await measure("pglite    ", pglite);
await pglite.close();
if (process.env.BENCH_DATABASE_URL) {
  const pg = await openPostgres(process.env.BENCH_DATABASE_URL, { migrationsDir: MIGRATIONS_DIR });
  await measure("postgresql", pg);
  await pg.close();
}
