// `npm run bench:start`: how long the bot takes from spawn to its first 200 on GET /healthz, with
// the shipped mandates on the embedded database (PGlite), on a fresh and on an existing data
// directory. Compares what `npm start` runs now (compiled JavaScript: `node dist/src/main.js`, and
// through npm itself) with running the TypeScript sources through tsx, as `npm start` did before.
// Slack's Web API is the tests' local fake (auth.test answers at once); nothing leaves the machine.
// Needs a current build (`npm run build`). BENCH_BEFORE=<another checkout of this repository>
// adds that checkout's own `npm start` (say, an earlier commit's) to the table, for before/after.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FakeSlack } from "../tests/support/fake-slack.js";
import { freePort } from "../tests/support/free-port.js";
import { MANDATES_DIR, ROOT } from "../tests/support/paths.js";
import { SIGNING_SECRET } from "../tests/support/slack-request.js";

const RUNS = Number(process.env.BENCH_ROUNDS ?? 5);

const VARIANTS: { label: string; command: string[]; cwd?: string }[] = [
  { label: "node dist/src/main.js (npm start runs this)", command: [process.execPath, "dist/src/main.js"] },
  { label: "npm start (npm, then the above)", command: ["npm", "start", "--silent"] },
  { label: "tsx src/main.ts (npm start before)", command: [path.join(ROOT, "node_modules", ".bin", "tsx"), "src/main.ts"] },
  ...(process.env.BENCH_BEFORE
    ? [{ label: "npm start in BENCH_BEFORE", command: ["npm", "start", "--silent"], cwd: process.env.BENCH_BEFORE }]
    : []),
];

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** Milliseconds from spawn to the first 200 of /healthz; the process is then stopped with SIGTERM. */
async function timeToHealthy(command: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const [file, ...args] = command;
  if (!file) throw new Error("no command");
  const child = spawn(file, args, {
    cwd,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode} before it was healthy`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    // The whole process group: npm and tsx start children of their own.
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await exited(child);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const fake = new FakeSlack();
await fake.start();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  MANDATES_DIR,
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
};
console.log(`Node ${process.version}; ms from spawn to the first 200 of GET /healthz; shipped mandates, PGlite; ${RUNS} runs each`);
console.log(["variant".padEnd(46), "data dir", " median", "    min", "    max"].join("  "));
for (const variant of VARIANTS) {
  for (const fresh of [true, false]) {
    const scratch = await mkdtemp(path.join(tmpdir(), "mandat-start-"));
    const dataEnv = { ...env, DATA_DIR: path.join(scratch, "data") };
    // An existing directory: created (migrated, mandates imported) by one run first.
    if (!fresh) await timeToHealthy(variant.command, dataEnv, variant.cwd);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (fresh) await rm(dataEnv.DATA_DIR ?? "", { recursive: true, force: true });
      times.push(await timeToHealthy(variant.command, dataEnv, variant.cwd));
    }
    const row = [
      variant.label.padEnd(46),
      (fresh ? "fresh" : "existing").padEnd(8),
      ...[median(times), Math.min(...times), Math.max(...times)].map((t) => t.toFixed(0).padStart(7)),
    ];
    console.log(row.join("  "));
    await rm(scratch, { recursive: true, force: true });
  }
}
await fake.stop();
