// The compiled bot as `npm start` runs it (`node dist/src/main.js`), one workspace over HTTP, its
// Web API calls going to the tests' fake Slack: spawned, timed to its first 200 of /healthz and
// /readyz, measured (RSS) and stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cleanEnv } from "../../tests/support/bot-process.js";
import type { FakeSlack } from "../../tests/support/fake-slack.js";
import { freePort } from "../../tests/support/free-port.js";
import { ROOT } from "../../tests/support/paths.js";
import { SIGNING_SECRET } from "../../tests/support/slack-request.js";
import type { Target } from "./ask.js";
import type { Cleanup } from "./cleanup.js";

const MAIN = path.join(ROOT, "dist", "src", "main.js");
/** A first import of a thousand files took 52 s when issue 8 was filed; give it room on a busy machine. */
const START_TIMEOUT_MS = 600_000;

export interface SpawnedBot extends Target {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 of GET /healthz and of GET /readyz. */
  started: Promise<{ healthz: number; readyz: number }>;
  /** SIGTERM, and the process gone. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  fake: FakeSlack;
  mandatesDir: string;
  /** PostgreSQL; else the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Another program with the bot's environment (the bare Bolt app, for its RSS). */
  command?: string[];
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** Milliseconds from `since` to the first 200 of GET `url`; throws if the process ends first. */
async function firstOk(url: string, child: ChildProcess, since: number, stderr: string[]): Promise<number> {
  const deadline = since + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the bot exited (${child.exitCode ?? child.signalCode}) before ${url} answered 200:\n${stderr.join("").slice(-2000)}`,
      );
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status === 200;
      },
      () => false,
    );
    if (ok) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} did not answer 200 within ${START_TIMEOUT_MS} ms`);
}

/** Spawns the compiled bot (needs `npm run build`); `started` resolves once both probes answered 200. */
export async function spawnCompiledBot(options: SpawnOptions, cleanup: Cleanup): Promise<SpawnedBot> {
  if (!options.command && !existsSync(MAIN)) throw new Error(`${path.relative(ROOT, MAIN)} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const [file, ...args] = options.command ?? [process.execPath, MAIN];
  if (!file) throw new Error("no command");
  const spawnedAt = performance.now();
  const child = spawn(file, args, {
    cwd: ROOT,
    env: cleanEnv({
      PORT: String(port),
      LOG_LEVEL: "warn",
      MANDATES_DIR: options.mandatesDir,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.fake.apiUrl,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${file}`);
  const stop = cleanup.defer(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited(child);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Promise.all([
    firstOk(`${baseUrl}/healthz`, child, spawnedAt, stderr),
    options.command ? Promise.resolve(Number.NaN) : firstOk(`${baseUrl}/readyz`, child, spawnedAt, stderr),
  ]).then(([healthz, readyz]) => ({ healthz, readyz }));
  // Awaited by the caller; a rejection seen only there must not count as unhandled here.
  started.catch(() => undefined);
  return { child, pid, baseUrl, eventsUrl: `${baseUrl}/slack/events`, fake: options.fake, started, stop };
}

/** The resident set (VmRSS) and its peak (VmHWM) of a process, in kB (Linux). */
export async function residentKb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}
