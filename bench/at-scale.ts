// `npm run bench -- --committees 1000`: issue 8's benchmarks at scale, on N generated committees
// (bench/generate-committees.ts), on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL:
//   latency      each case one request at a time, alternating a bare Bolt app and Mandat (both
//                in this process, real Bolt HTTP receivers, signed requests), with the event
//                loop's delay in this process, where the bot runs;
//   concurrency  20 clients for 10 s against the same bot;
//   start        the compiled bot spawned on 100 / 300 / 1000 files: first import, then restarts;
//   rss          the compiled bot's memory once ready and idle after a load (and the bare app's).
// `npm run bench -- --help` lists the flags. Without any flag `npm run bench` is what it was:
// the four shipped mandates (bench/frist-http.ts). Slack is the tests' local fake; nothing
// leaves the machine. The start and rss parts need a current build (`npm run build`).
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { startTestBot } from "../tests/support/bot.js";
import { CaptureLogger } from "../tests/support/capture-logger.js";
import { FakeSlack } from "../tests/support/fake-slack.js";
import { ROOT } from "../tests/support/paths.js";
import { generateCommittees } from "./generate-committees.js";
import { startBareBolt } from "./lib/bare-bolt.js";
import { benchCases } from "./lib/cases.js";
import { Cleanup } from "./lib/cleanup.js";
import { type ConcurrencyResult, concurrencyTable, measureConcurrency } from "./lib/concurrency.js";
import { DATABASE_LABEL, type DatabaseKind, openBenchDatabase, scratchPostgres } from "./lib/databases.js";
import { latencyTable, measureLatency } from "./lib/latency.js";
import { LoopDelayMonitor } from "./lib/loop-delay.js";
import { type BenchOptions, parseOptions, USAGE } from "./lib/options.js";
import { importFirst, measureBareRss, measureRss, type RssRow, rssTable } from "./lib/rss.js";
import { measureStartup, type StartupRow, startupTable } from "./lib/startup.js";
import { ms } from "./lib/stats.js";

const say = (line = "") => console.log(line);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;

/** Generated mandate files, once per size, in the run's scratch directory. */
function mandateDirs(scratch: string) {
  const made = new Map<number, { dir: string; files: string[] }>();
  return (committees: number) => {
    const known = made.get(committees);
    if (known) return known;
    const dir = path.join(scratch, `committees-${committees}`);
    const entry = { dir, files: generateCommittees(dir, committees) };
    made.set(committees, entry);
    return entry;
  };
}

/** Latency and concurrency against the bot in this process, on one database. */
async function inProcess(kind: DatabaseKind, options: BenchOptions, mandates: { dir: string; files: string[] }, cleanup: Cleanup) {
  const label = DATABASE_LABEL[kind];
  const cases = benchCases(mandates.files);
  const { db, close } = await openBenchDatabase(kind, options.postgresUrl, cleanup);
  const logger = new CaptureLogger([], {}, "warn");
  const importing = performance.now();
  const bot = await startTestBot(db, { env: { MANDATES_DIR: mandates.dir }, logger });
  const stopBot = cleanup.defer(() => bot.stop());
  say(`${label}: bot started in this process, ${options.committees} files imported in ${ms(performance.now() - importing)} ms; ${load()}`);
  const bare = await startBareBolt();
  const stopBare = cleanup.defer(() => bare.stop());
  const mandat = { eventsUrl: bot.eventsUrl, fake: bot.fake };
  const bareTarget = { eventsUrl: bare.eventsUrl, fake: bot.fake };
  const perCase = new LoopDelayMonitor();
  const whole = new LoopDelayMonitor();
  let concurrency: ConcurrencyResult | undefined;
  try {
    if (options.parts.has("latency")) {
      say(
        `\n${label}: latency, one request at a time, ${options.rounds} rounds per case (fewer past ${options.caseSeconds} s) after ${options.warmup} warm-up; ${load()}`,
      );
      whole.reset();
      const rows = await measureLatency(mandat, bareTarget, cases, options, perCase, say);
      const loop = whole.read();
      say(
        `\n${label}: reply times in ms (Mandat; bare Bolt alongside; loop = event-loop delay of this process during the case); ${load()}`,
      );
      say(latencyTable(rows));
      say(`${label}: event-loop delay over the whole latency run: max ${ms(loop.max)} ms, p99 ${ms(loop.p99)} ms`);
    }
    if (options.parts.has("concurrency")) {
      say(`\n${label}: ${options.clients} concurrent clients for ${options.seconds} s; ${load()}`);
      concurrency = await measureConcurrency(mandat, cases, options, perCase);
      say(`${label}: ${concurrency.replies.n} replies, p99 ${ms(concurrency.replies.p99)} ms; ${load()}`);
    }
  } finally {
    perCase.stop();
    whole.stop();
    await stopBare();
    await stopBot();
    await close();
  }
  const logged = logger.entries.filter((e) => e.level === "error" || e.level === "warn");
  if (logged.length > 0) say(`${label}: the bot logged ${logged.length} warnings/errors, first: ${logged[0]?.text}`);
  return concurrency;
}

async function main(options: BenchOptions, cleanup: Cleanup): Promise<void> {
  const scratch = await mkdtemp(path.join(tmpdir(), "mandat-bench-"));
  cleanup.defer(() => rm(scratch, { recursive: true, force: true }));
  const mandates = mandateDirs(scratch);
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  say(`Mandat at ${commit}; Node ${process.version}; ${cpus().length} cores; ${load()}`);
  say(`${options.committees} generated committees; parts: ${[...options.parts].join(", ")}; databases: ${options.databases.join(", ")}`);

  const concurrency: { database: string; result: ConcurrencyResult }[] = [];
  if (options.parts.has("latency") || options.parts.has("concurrency")) {
    for (const kind of options.databases) {
      say();
      const result = await inProcess(kind, options, mandates(options.committees), cleanup);
      if (result) concurrency.push({ database: DATABASE_LABEL[kind], result });
    }
    if (concurrency.length > 0) {
      say(`\nConcurrency: ${options.clients} clients for ${options.seconds} s, the cases in turn (ms; wall = until the last reply)`);
      say(concurrencyTable(concurrency));
    }
  }

  const fake = new FakeSlack();
  await fake.start();
  cleanup.defer(() => fake.stop());
  const dataDir = (committees: number) => path.join(scratch, `pglite-${committees}`);
  const startedOn = new Set<number>();
  if (options.parts.has("start")) {
    const rows: StartupRow[] = [];
    const context = {
      fake,
      cleanup,
      postgresUrl: options.postgresUrl,
      mandatesDir: async (n: number) => mandates(n).dir,
      dataDir,
    };
    for (const kind of options.databases) {
      for (const size of options.sizes) {
        say(`\nStart-up: ${DATABASE_LABEL[kind]}, ${size} files; ${load()}`);
        const row = await measureStartup(context, kind, size, options.restarts);
        if (kind === "pglite") startedOn.add(size);
        say(`  first import ${ms(row.first.healthz)} ms to /healthz; restarts ${row.restarts.map((r) => ms(r.healthz)).join(", ")} ms`);
        rows.push(row);
      }
    }
    say(`\nStart-up of node dist/src/main.js: ms from spawn to the first 200 (median of the restarts); ${load()}`);
    say(startupTable(rows));
  }

  if (options.parts.has("rss")) {
    const rssOptions = { rounds: 3, clients: options.clients, seconds: Math.min(options.seconds, 5), idleSeconds: options.idleSeconds };
    const { dir, files } = mandates(options.committees);
    const cases = benchCases(files);
    const rows: RssRow[] = [];
    for (const kind of options.databases) {
      say(`\nRSS: ${DATABASE_LABEL[kind]}, ${options.committees} files; ${load()}`);
      if (kind === "pglite") {
        // The data directory the start-up part left (a restart), else a first import.
        const label = `Mandat, PGlite (${startedOn.has(options.committees) ? "restarted" : "first import"})`;
        rows.push(await measureRss(label, { fake, mandatesDir: dir, dataDir: dataDir(options.committees) }, cases, rssOptions, cleanup));
      } else if (options.postgresUrl) {
        const scratchDb = await scratchPostgres(options.postgresUrl, cleanup);
        // As on PGlite: a restart, not the process that made the first import.
        const where = { fake, mandatesDir: dir, databaseUrl: scratchDb.url };
        await importFirst(where, cleanup);
        rows.push(await measureRss("Mandat, PostgreSQL (restarted)", where, cases, rssOptions, cleanup));
        await scratchDb.drop();
      }
    }
    rows.push(await measureBareRss(fake, cases, rssOptions, cleanup));
    say(
      `\nRSS (VmRSS) of the process: when ready, and after ${rssOptions.rounds} rounds of each case, ${rssOptions.clients} clients for ${rssOptions.seconds} s and ${rssOptions.idleSeconds} s idle; ${load()}`,
    );
    say(rssTable(rows));
  }
  say(`\ndone; ${load()}`);
}

const argv = process.argv.slice(2);
if (argv.length === 0) {
  await import("./frist-http.js");
} else if (argv.includes("--help")) {
  say(USAGE);
} else {
  const cleanup = new Cleanup();
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up (spawned bots, scratch databases and files)`);
    void cleanup.all().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    await main(parseOptions(argv, process.env), cleanup);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await cleanup.all();
  }
}
