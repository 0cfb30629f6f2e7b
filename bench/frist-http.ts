// `npm run bench`: reply time of slash commands over the real signed-HTTP path.
// Starts the Bolt app on a loopback port with the shipped mandates, on PGlite (in memory) and,
// when BENCH_DATABASE_URL is set, on that PostgreSQL database (it must be empty or a Mandat one),
// then sends signed requests one after another, as Slack would, and prints percentiles.
// Web API calls go to the tests' local fake Slack; nothing leaves the machine.
import { type Database, openInMemory, openPostgres } from "../src/db/connect.js";
import { startTestBot } from "../tests/support/bot.js";
import { MANDATES_DIR, MIGRATIONS_DIR } from "../tests/support/paths.js";
import { postSigned, slashCommandForm } from "../tests/support/slack-request.js";

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
  // The bot as `npm start` assembles it, with the shipped mandates, its Web API calls going to the fake Slack.
  const bot = await startTestBot(db, { env: { MANDATES_DIR } });
  const url = bot.eventsUrl;
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
  await bot.stop();
}

console.log(`Node ${process.version}, ${ROUNDS} signed requests per case after ${WARMUP} warm-up, one at a time (ms)`);
console.log(["database  ", "command         ", "    p50", "    p95", "    p99", "    max"].join("  "));
const pglite = await openInMemory({ migrationsDir: MIGRATIONS_DIR });
await measure("pglite    ", pglite);
await pglite.close();
if (process.env.BENCH_DATABASE_URL) {
  const pg = await openPostgres(process.env.BENCH_DATABASE_URL, { migrationsDir: MIGRATIONS_DIR });
  await measure("postgresql", pg);
  await pg.close();
}
