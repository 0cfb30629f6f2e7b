// Issue 8, item 5: the resident memory of the compiled bot as a process (VmRSS), once it is
// ready, and idle after a load (each case a few times, then concurrent clients); the bare Bolt
// app as a process under the same load for comparison.
import path from "node:path";
import type { FakeSlack } from "../../tests/support/fake-slack.js";
import { ROOT } from "../../tests/support/paths.js";
import { residentKb, type SpawnedBot, spawnCompiledBot } from "./bot-process.js";
import { type Case, runCase } from "./cases.js";
import type { Cleanup } from "./cleanup.js";
import { measureConcurrency } from "./concurrency.js";
import { megabytes, table } from "./stats.js";

export interface RssOptions {
  /** Each case this many times, one at a time … */
  rounds: number;
  /** … then this many clients … */
  clients: number;
  /** … for this long; then this long idle before the reading. */
  seconds: number;
  idleSeconds: number;
}

export interface RssRow {
  process: string;
  atReady: number;
  idleAfterLoad: number;
  peak: number;
  replies: number;
  failures: string[];
}

/** Loads `bot` with `cases`, lets it idle, and reads its memory. */
async function loadAndRead(label: string, bot: SpawnedBot, cases: readonly Case[], options: RssOptions): Promise<RssRow> {
  await bot.started;
  const atReady = (await residentKb(bot.pid)).rss;
  const failures: string[] = [];
  let replies = 0;
  for (const c of cases) {
    for (let i = 0; i < options.rounds; i++) {
      const outcome = await runCase(bot, c);
      if (outcome.ok) replies++;
      else failures.push(outcome.reason);
    }
  }
  const burst = await measureConcurrency(bot, cases, { clients: options.clients, seconds: options.seconds });
  replies += burst.replies.n;
  failures.push(...burst.failures);
  await new Promise((resolve) => setTimeout(resolve, options.idleSeconds * 1000));
  const idle = await residentKb(bot.pid);
  return { process: label, atReady, idleAfterLoad: idle.rss, peak: idle.peak, replies, failures };
}

export async function measureRss(
  label: string,
  where: { fake: FakeSlack; mandatesDir: string; dataDir?: string; databaseUrl?: string },
  cases: readonly Case[],
  options: RssOptions,
  cleanup: Cleanup,
): Promise<RssRow> {
  const bot = await spawnCompiledBot(where, cleanup);
  try {
    return await loadAndRead(label, bot, cases, options);
  } finally {
    await bot.stop();
  }
}

/**
 * Starts the bot once and stops it when it is ready: the files are imported, so the bot measured
 * next is a restart, whose memory holds no first import's garbage.
 */
export async function importFirst(
  where: { fake: FakeSlack; mandatesDir: string; dataDir?: string; databaseUrl?: string },
  cleanup: Cleanup,
): Promise<void> {
  const bot = await spawnCompiledBot(where, cleanup);
  try {
    await bot.started;
  } finally {
    await bot.stop();
  }
}

/** The bare Bolt app as a process (through tsx, which it needs to run TypeScript; tsx's own memory is in its figure). */
export async function measureBareRss(fake: FakeSlack, cases: readonly Case[], options: RssOptions, cleanup: Cleanup): Promise<RssRow> {
  const command = [process.execPath, "--import", "tsx", path.join(ROOT, "bench", "lib", "bare-bolt.ts")];
  const bot = await spawnCompiledBot({ fake, mandatesDir: "", command }, cleanup);
  const constant = cases.map((c) => ({ ...c, check: () => undefined }));
  try {
    return await loadAndRead("bare Bolt app (via tsx)", bot, constant, options);
  } finally {
    await bot.stop();
  }
}

export function rssTable(rows: readonly RssRow[]): string {
  return table(
    ["<process", "RSS when ready", "RSS idle after load", "peak (VmHWM)", "replies", "<failed"],
    rows.map((r) => [
      r.process,
      megabytes(r.atReady),
      megabytes(r.idleAfterLoad),
      megabytes(r.peak),
      String(r.replies),
      r.failures.length > 0 ? `${r.failures.length}: ${r.failures[0]}` : "0",
    ]),
  );
}
