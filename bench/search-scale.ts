// `/mandat søg` at scale (issue 8): the reply time of a search over the real signed-HTTP path with
// N generated committees imported at start, on PGlite (in memory) and, when BENCH_DATABASE_URL
// is set, on a PostgreSQL database of its own (created on that server and dropped after). Beside
// it, a bare Bolt app that only acks the same request: the yardstick the targets are stated in.
//
//   npx tsx bench/generate-committees.ts /tmp/s1000 1000
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/search-scale.ts /tmp/s1000
//
// The caller sits on three committees (a members-only one among them), as most people would.
// Web API calls go to the tests' local fake Slack; nothing leaves the machine.
import { type Database, openInMemory, openPostgres } from "../src/db/connect.js";
import { startTestBot } from "../tests/support/bot.js";
import { MIGRATIONS_DIR } from "../tests/support/paths.js";
import { createScratchDatabase } from "../tests/support/scratch-postgres.js";
import { postSigned, slashCommandForm } from "../tests/support/slack-request.js";
import { MEMBER_OF_THREE } from "./generate-committees.js";
import { startBareBolt } from "./lib/bare-bolt.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const WARMUP = 10;
const CASES = [
  { label: "common word", text: "søg medicin" }, // in every committee's name
  { label: "one template's word", text: "søg helgenomsekvensering" }, // a quarter of them
  { label: "two words", text: "sök sällsynta barn" },
  { label: "rare word", text: "søg kvartalsregnskab 417" }, // one committee's obligation
  { label: "no hit", text: "søg kvantdator" },
  { label: "two letters", text: "søg år" }, // too short for trigrams: every passage is read
];

const dir = process.argv[2];
if (!dir) {
  console.error("usage: tsx bench/search-scale.ts <dir of mandate files, see bench/generate-committees.ts>");
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function row(cells: (string | number)[]): string {
  const text = cells.map((c) => (typeof c === "number" ? c.toFixed(1) : c));
  return text.map((t, i) => (i === 0 ? t.padEnd(11) : i === 1 ? t.padEnd(32) : t.padStart(7))).join("  ");
}

async function timed(url: string, text: string, command = "/mandat"): Promise<{ times: number[]; body: string }> {
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const res = await postSigned(url, slashCommandForm({ command, text, user_id: MEMBER_OF_THREE }));
    if (res.status !== 200) throw new Error(`${command} ${text}: HTTP ${res.status} ${res.text}`);
    if (i >= WARMUP) times.push(res.ms);
    body = res.text;
  }
  return { times: times.sort((a, b) => a - b), body };
}

async function inProcess(work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const started = performance.now();
    await work();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, what: string, times: number[], extra = ""): void {
  console.log(row([label, what, ...[50, 95, 99].map((p) => percentile(times, p)), times.at(-1) ?? Number.NaN]) + extra);
}

async function measure(label: string, db: Database): Promise<void> {
  const started = performance.now();
  const bot = await startTestBot(db, { env: { MANDATES_DIR: dir as string } });
  const committees = await db.store.committees.count();
  console.log(`${label}: ${committees} committees imported and planned at start in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const c of CASES) {
    const { times, body } = await timed(bot.eventsUrl, c.text);
    const blocks = (JSON.parse(body) as { blocks?: unknown[] }).blocks?.length ?? 0;
    report(label, c.label, times, `  (${blocks} blocks, ${body.length} bytes)`);
  }
  // In process, without HTTP and Bolt: the search itself, and the caller's own committees that
  // commands/mandat.ts reads besides, for the reply's language.
  const caller = { workspaceId: bot.workspaceId, slackUserId: MEMBER_OF_THREE };
  for (const c of CASES) {
    const query = c.text.slice(c.text.indexOf(" ") + 1);
    report(label, `  search: ${c.label}`, await inProcess(() => bot.services.directory.search(caller, query)));
  }
  report(label, "  mine (language)", await inProcess(() => bot.services.directory.mine(caller)));
  await bot.stop();
}

console.log(`Node ${process.version}, ${ROUNDS} signed requests per case after ${WARMUP} warm-up, one at a time (ms)`);
console.log(row(["database", "query", "p50", "p95", "p99", "max"]));
const bare = await startBareBolt();
report("bare Bolt", "ack only", (await timed(bare.eventsUrl, "søg medicin")).times);
await bare.stop();

const pglite = await openInMemory({ migrationsDir: MIGRATIONS_DIR });
await measure("pglite", pglite);
await pglite.close();

if (process.env.BENCH_DATABASE_URL) {
  const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL, "mandat_bench_search");
  try {
    const pg = await openPostgres(scratch.url, { migrationsDir: MIGRATIONS_DIR });
    await measure("postgresql", pg);
    await pg.close();
  } finally {
    await scratch.drop();
  }
}
