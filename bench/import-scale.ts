// `npm run bench:import`: how long the bot takes to import N generated mandate files (issue 8),
// and to start again over the same, unchanged files. For 100, 300 and 1,000 committees (made by
// bench/generate-committees.ts, about 52 deadline rows each) it spawns the compiled bot
// (`node dist/src/main.js`, one workspace over HTTP, the tests' local fake of Slack's Web API) and
// measures the milliseconds from spawn to the first 200 of GET /healthz and of GET /readyz:
// - first import: a fresh embedded database (a new DATA_DIR);
// - restart: the same DATA_DIR and files again, BENCH_ROUNDS times (median).
// Needs a current build (`npm run build`). Options:
//   --counts 0,100,300,1000    the committee counts (0: the bot alone, no mandate files)
//   --before <dir>             also runs another checkout's build (say, an earlier commit), for before/after
// PostgreSQL at these sizes is measured by the full suite (`npm run bench`).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cleanEnv } from "../tests/support/bot-process.js";
import { FakeSlack } from "../tests/support/fake-slack.js";
import { freePort } from "../tests/support/free-port.js";
import { ROOT } from "../tests/support/paths.js";
import { SIGNING_SECRET } from "../tests/support/slack-request.js";
import { generateCommittees } from "./generate-committees.js";

const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "0,100,300,1000" },
    before: { type: "string" },
  },
});
const COUNTS = (values.counts ?? "").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const VARIANTS = [
  { label: "this checkout", cwd: ROOT },
  ...(values.before ? [{ label: `before (${path.basename(values.before)})`, cwd: path.resolve(values.before) }] : []),
];

interface Timing {
  healthz: number;
  readyz: number;
  /** CPU seconds the bot used from spawn to ready: unlike the wall time, hardly moved by other work on the machine. */
  cpu: number | undefined;
  /** The bot's own summary of the import, when it logs one. */
  summary: string | undefined;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ), 100 on Linux. */
const USER_HZ = 100;

/** User + system CPU seconds of a running process (Linux); undefined elsewhere. */
async function cpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

async function status(url: string): Promise<number | undefined> {
  return fetch(url).then(
    (res) => res.status,
    () => undefined,
  );
}

/** Spawn → first 200 of /healthz → first 200 of /readyz; then SIGTERM and wait for the exit. */
async function timeStart(cwd: string, vars: Record<string, string>): Promise<Timing> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    cwd,
    env: cleanEnv({ ...vars, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const errors: string[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => log.push(chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => errors.push(chunk));
  try {
    const until200 = async (pathname: string) => {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${errors.join("")}`);
        if ((await status(`http://127.0.0.1:${port}${pathname}`)) === 200) return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const healthz = await until200("/healthz");
    const readyz = await until200("/readyz");
    const cpu = await cpuSeconds(child.pid);
    const summary = log
      .join("")
      .split("\n")
      .flatMap((line) => {
        const msg = /"msg":"(Mandates from [^"]*: \d+ files?[^"]*)"/.exec(line)?.[1];
        return msg ? [msg] : [];
      })
      .at(-1);
    return { healthz, readyz, cpu, summary };
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited(child);
  }
}

/** A data directory of its own for one series. */
async function freshDataDir(): Promise<{ vars: Record<string, string>; drop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "mandat-import-data-"));
  return { vars: { DATA_DIR: path.join(dir, "data") }, drop: () => rm(dir, { recursive: true, force: true }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number) => x.toFixed(0);
const seconds = (x: number | undefined) => (x === undefined ? "-" : x.toFixed(1));

const fake = new FakeSlack();
await fake.start();
const scratch = await mkdtemp(path.join(tmpdir(), "mandat-import-files-"));
console.log(
  `Node ${process.version}; PGlite; ms from spawn to the first 200 of /healthz and of /readyz, and the bot's CPU seconds until then; restart: median of ${ROUNDS}`,
);
const WIDTHS = [24, 6, 9, 9, 7, 9, 9, 7];
const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i] ?? 0) : c.padStart(WIDTHS[i] ?? 0))).join(" ");
console.log(row(["", "", "first", "", "", "restart", "", ""]));
console.log(row(["variant", "files", "healthz", "readyz", "cpu s", "healthz", "readyz", "cpu s"]));
try {
  for (const count of COUNTS) {
    const dir = path.join(scratch, String(count));
    generateCommittees(dir, count);
    for (const variant of VARIANTS) {
      const database = await freshDataDir();
      try {
        const vars = {
          ...database.vars,
          MANDATES_DIR: dir,
          SLACK_BOT_TOKEN: "xoxb-test-token",
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          LOG_LEVEL: "info",
        };
        const first = await timeStart(variant.cwd, vars);
        const again: Timing[] = [];
        for (let i = 0; i < ROUNDS; i++) again.push(await timeStart(variant.cwd, vars));
        const cpuAgain = again.flatMap((t) => (t.cpu === undefined ? [] : [t.cpu]));
        console.log(
          row([
            variant.label,
            String(count),
            ms(first.healthz),
            ms(first.readyz),
            seconds(first.cpu),
            ms(median(again.map((t) => t.healthz))),
            ms(median(again.map((t) => t.readyz))),
            seconds(cpuAgain.length > 0 ? median(cpuAgain) : undefined),
          ]),
        );
        for (const line of [first.summary, again.at(-1)?.summary]) if (line) console.log(`    ${line}`);
      } finally {
        await database.drop();
      }
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
  await fake.stop();
}
