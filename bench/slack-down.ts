// `npm run bench:slack-down`: how the bot answers while Slack's Web API is down, and what five
// identical `/frist … ny …` requests at once leave in the database.
//
// 1. At start: spawn `node dist/src/main.js` (one workspace, HTTP, the shipped mandates, PGlite,
//    a data directory from an earlier run, so it knows its workspace) with Slack's Web API up,
//    unreachable (nothing listens), answering 500, answering 429 (Retry-After: 30) or hanging
//    (an answer only after 60 s); time from spawn to the first answered `/frist norprem`.
// 2. Running: the same bot started with Slack up, then Slack goes down; reply times of
//    `/frist norprem alle` one after another.
// 3. Five identical signed `/frist slack-lukket ny 1.6.2027 <title>` at once, ROUNDS times with a
//    new title each, on PGlite (in memory) and, when BENCH_DATABASE_URL is set, on that PostgreSQL
//    database (empty, or a Mandat one): rows stored and the replies.
// Slack is the tests' local fake; nothing leaves the machine. Needs a current build (`npm run build`).
// BENCH_BEFORE=<another built checkout> adds that checkout's `node dist/src/main.js` to the
// at-start table (its own data directory), for before/after; its runs end after 90 s at most.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Database, openInMemory, openPostgres, prismaOf } from "../src/db/connect.js";
import { importMandates, startTestBot } from "../tests/support/bot.js";
import { FakeSlack, type Outage } from "../tests/support/fake-slack.js";
import { freePort } from "../tests/support/free-port.js";
import { MANDATES_DIR, MIGRATIONS_DIR, ROOT } from "../tests/support/paths.js";
import { postSigned, SIGNING_SECRET, type SlackResponse, slashCommandForm } from "../tests/support/slack-request.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = 50;

type Mode = { label: string; outage?: Outage; unreachable?: true };
const MODES: Mode[] = [
  { label: "up" },
  { label: "unreachable" },
  { label: "500", outage: { kind: "5xx", status: 500 } },
  { label: "429, Retry-After: 30", outage: { kind: "429", retryAfterSeconds: 30 } },
  { label: "hanging (504 after 60 s)", outage: { kind: "hang", delayMs: 60_000 } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
}

async function unreachableUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/api/`;
}

interface Spawned {
  child: ChildProcess;
  port: number;
  spawnedAt: number;
}

async function spawnBot(dataDir: string, apiUrl: string, cwd = ROOT): Promise<Spawned> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("SLACK_") || key === "DATABASE_URL") delete env[key];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    cwd,
    env: {
      ...env,
      TZ: "UTC",
      LOG_LEVEL: "error",
      PORT: String(port),
      DATA_DIR: dataDir,
      MANDATES_DIR,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, port, spawnedAt };
}

async function send(bot: Spawned, text: string): Promise<SlackResponse | undefined> {
  return postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandForm({ command: "/frist", text })).catch(() => undefined);
}

/** Milliseconds from spawn to the first slash command answered (200 with a reply); NaN after `limitMs`. */
async function timeToFirstAnswer(bot: Spawned, limitMs = Number.POSITIVE_INFINITY): Promise<number> {
  for (;;) {
    if (performance.now() - bot.spawnedAt > limitMs) return Number.NaN;
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}`);
    const res = await send(bot, "norprem");
    if (res?.status === 200 && res.json?.text) return performance.now() - bot.spawnedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stopBot(bot: Spawned): Promise<void> {
  if (bot.child.exitCode === null) bot.child.kill("SIGTERM");
  await exited(bot.child);
}

async function atStart(scratch: string, label: string, cwd: string, limitMs?: number): Promise<void> {
  const fake = new FakeSlack();
  await fake.start();
  const dataDir = path.join(scratch, `data-${label}`);
  // An earlier run with Slack up: the data directory knows its workspace.
  const first = await spawnBot(dataDir, fake.apiUrl, cwd);
  await timeToFirstAnswer(first);
  await stopBot(first);

  console.log(
    `\nAt start (${label}): ms from spawn to the first answered /frist (node dist/src/main.js, PGlite, existing data dir), ${ROUNDS} runs`,
  );
  console.log(["Slack's Web API          ", " median", "    min", "    max"].join("  "));
  for (const mode of MODES) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (mode.outage) fake.down(mode.outage);
      else fake.up();
      const bot = await spawnBot(dataDir, mode.label === "unreachable" ? await unreachableUrl() : fake.apiUrl, cwd);
      try {
        times.push(await timeToFirstAnswer(bot, limitMs));
      } finally {
        await stopBot(bot);
      }
    }
    const shown = (t: number) => (Number.isNaN(t) ? `>${((limitMs ?? 0) / 1000).toFixed(0)} s` : t.toFixed(0)).padStart(7);
    const answered = times.filter((t) => !Number.isNaN(t));
    console.log(
      [
        mode.label.padEnd(25),
        shown(answered.length === times.length ? median(times) : Number.NaN),
        shown(answered.length > 0 ? Math.min(...answered) : Number.NaN),
        shown(answered.length === times.length ? Math.max(...times) : Number.NaN),
      ].join("  "),
    );
  }
  fake.up();
  await fake.stop();
}

async function running(scratch: string): Promise<void> {
  console.log(`\nRunning: reply time of /frist norprem alle while Slack's Web API is down, ${REQUESTS} requests one after another (ms)`);
  console.log(["Slack's Web API          ", "    p50", "    p95", "    max", "in ack"].join("  "));
  for (const mode of MODES) {
    // A fake of its own: "unreachable" stops it once the bot has started.
    const fake = new FakeSlack();
    await fake.start();
    const bot = await spawnBot(path.join(scratch, "data-this checkout"), fake.apiUrl);
    try {
      await timeToFirstAnswer(bot);
      if (mode.outage) fake.down(mode.outage);
      if (mode.label === "unreachable") await fake.stop();
      const times: number[] = [];
      let inAck = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const res = await send(bot, "norprem alle");
        if (res?.status === 200 && res.json?.blocks) inAck++;
        times.push(res?.ms ?? Number.NaN);
      }
      times.sort((a, b) => a - b);
      console.log(
        [
          mode.label.padEnd(25),
          ...[50, 95].map((p) => percentile(times, p).toFixed(1).padStart(7)),
          (times.at(-1) ?? Number.NaN).toFixed(1).padStart(7),
          `${inAck}/${REQUESTS}`.padStart(6),
        ].join("  "),
      );
    } finally {
      await stopBot(bot);
      fake.up();
      if (mode.label !== "unreachable") await fake.stop();
    }
  }
}

async function onceAtOnce(label: string, db: Database): Promise<void> {
  const bot = await startTestBot(db, {});
  await importMandates(bot, [path.join(ROOT, "tests", "fixtures", "slack-members-only.yaml")], new Date());
  const counts: number[] = [];
  const replies: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const title = `Slutrapport ${label} ${i} ${Date.now()}`;
    const form = slashCommandForm({ command: "/frist", text: `slack-lukket ny 1.6.2027 ${title}`, user_id: "U0LUKCHAIR" });
    const answers = await Promise.all(Array.from({ length: 5 }, () => postSigned(bot.eventsUrl, form)));
    counts.push(await prismaOf(db).deadline.count({ where: { title } }));
    const added = answers.filter((a) => /er tilføjet for/.test(String(a.json?.text))).length;
    const exists = answers.filter((a) => /findes allerede/.test(String(a.json?.text))).length;
    replies.push(`${added} added + ${exists} already exists`);
  }
  await bot.stop();
  console.log(`${label.padEnd(10)}  rows per round: ${counts.join(", ")}; replies: ${[...new Set(replies)].join(" / ")}`);
}

const scratch = await mkdtemp(path.join(tmpdir(), "mandat-bench-slack-down-"));
try {
  console.log(`Node ${process.version}`);
  await atStart(scratch, "this checkout", ROOT);
  if (process.env.BENCH_BEFORE) await atStart(scratch, "BENCH_BEFORE", process.env.BENCH_BEFORE, 90_000);
  await running(scratch);
  console.log(`\nFive identical signed /frist … ny … at once, ${ROUNDS} rounds`);
  const pglite = await openInMemory({ migrationsDir: MIGRATIONS_DIR });
  await onceAtOnce("pglite", pglite);
  await pglite.close();
  if (process.env.BENCH_DATABASE_URL) {
    const pg = await openPostgres(process.env.BENCH_DATABASE_URL, { migrationsDir: MIGRATIONS_DIR });
    await onceAtOnce("postgresql", pg);
    await pg.close();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
