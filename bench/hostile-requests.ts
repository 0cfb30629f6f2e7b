// `npm run bench:hostile`: the bot as a process (`node dist/src/main.js`, PGlite, the shipped
// mandates, Slack's Web API the tests' local fake) against requests Slack would not send, and
// against a stop while it is busy. Prints two tables:
//   1. each odd but correctly signed body (tests/support/odd-bodies.ts), BENCH_ROUNDS times:
//      requests sent, answered (by status), not answered within 5 s, and process deaths (a dead
//      bot is started again before the next request);
//   2. SIGTERM / SIGINT while 50 `/frist alle` are in flight (sent to node, and to the npm of
//      `npm start`): requests in flight when the signal was sent, answered with a reply, lost,
//      the exit code, the time from the signal to the exit, and whether DATA_DIR's lock is left.
// Needs a current build (`npm run build`). BENCH_BEFORE=<another checkout of this repository,
// built> runs the same against that checkout, for before/after. Nothing leaves the machine.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FakeSlack } from "../tests/support/fake-slack.js";
import { freePort } from "../tests/support/free-port.js";
import { ODD_BODIES } from "../tests/support/odd-bodies.js";
import { MANDATES_DIR, ROOT } from "../tests/support/paths.js";
import { postSigned, postSignedRaw, SIGNING_SECRET, type SlackResponse, slashCommandForm } from "../tests/support/slack-request.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);
const NO_ANSWER_MS = 5000;
const CHECKOUTS: { label: string; root: string }[] = [
  { label: "this checkout", root: ROOT },
  ...(process.env.BENCH_BEFORE ? [{ label: "BENCH_BEFORE", root: process.env.BENCH_BEFORE }] : []),
];

interface Bot {
  child: ChildProcess;
  port: number;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const fake = new FakeSlack();
await fake.start();

function botEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    MANDATES_DIR,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: "error",
    DATABASE_URL: "",
    TZ: "UTC",
  };
}

/** Starts the bot (`command` in `root`) and resolves once GET /healthz answers 200. */
async function start(root: string, dataDir: string, command: string[] = [process.execPath, "dist/src/main.js"]): Promise<Bot> {
  const port = await freePort();
  const [file, ...args] = command;
  if (!file) throw new Error("no command");
  const child = spawn(file, args, { cwd: root, env: botEnv(dataDir, port), stdio: ["ignore", "ignore", "ignore"], detached: true });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode} before it was healthy`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return { child, port, url: `http://127.0.0.1:${port}/slack/events`, exited };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the bot was not healthy within 60 s");
}

/** Every process below `pid` (npm → sh → node). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)])
      .toString()
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    // ps exits 1 when there are none.
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopAll(bot: Bot): Promise<void> {
  if (bot.child.exitCode === null && bot.child.pid) process.kill(-bot.child.pid, "SIGKILL");
  await bot.exited;
}

// ---------------------------------------------------------------- 1. odd bodies
async function oddBodies(root: string): Promise<string[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), "mandat-hostile-"));
  const dataDir = path.join(scratch, "data");
  let bot = await start(root, dataDir);
  const rows: string[] = [];
  for (const odd of ODD_BODIES) {
    const statuses = new Map<string, number>();
    let deaths = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const res = await postSignedRaw(bot.url, odd.body, odd.contentType, { timeoutMs: NO_ANSWER_MS }).catch(() => undefined);
      const key = res ? String(res.status) : "no answer";
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      // A death shows within moments of the request that caused it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (bot.child.exitCode !== null || bot.child.signalCode !== null) {
        deaths += 1;
        bot = await start(root, dataDir);
      }
    }
    const answered = [...statuses].filter(([k]) => k !== "no answer").reduce((n, [, c]) => n + c, 0);
    const byStatus = [...statuses].map(([k, c]) => `${c}×${k}`).join(" ");
    rows.push(
      [
        odd.label.padEnd(52),
        String(ROUNDS).padStart(4),
        String(answered).padStart(8),
        byStatus.padEnd(26),
        String(deaths).padStart(6),
      ].join("  "),
    );
  }
  await stopAll(bot);
  await rm(scratch, { recursive: true, force: true });
  return rows;
}

// ---------------------------------------------------------------- 2. a stop while busy
interface StopResult {
  inFlight: number;
  answered: number;
  lost: number;
  code: string;
  exitMs: number;
  lockLeft: boolean;
}

let replies = 0;
/** The reply to a slash command: in its HTTP answer, or posted to its response_url. */
function replied(res: SlackResponse | undefined, responseUrlId: string): boolean {
  if (res?.status !== 200) return false;
  if (Array.isArray(res.json?.blocks)) return true;
  return fake.callsTo(`response_url:${responseUrlId}`).some((c) => Array.isArray(c.body.blocks));
}

async function stopWhileBusy(root: string, signal: "SIGTERM" | "SIGINT", viaNpm: boolean): Promise<StopResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), "mandat-stop-"));
  const dataDir = path.join(scratch, "data");
  const bot = await start(root, dataDir, viaNpm ? ["npm", "start", "--silent"] : undefined);
  const pids = [bot.child.pid ?? 0, ...descendants(bot.child.pid ?? 0)];
  const ids = Array.from({ length: IN_FLIGHT }, () => `stop-${++replies}`);
  const answeredAt: (number | undefined)[] = [];
  const requests = ids.map((id, i) =>
    postSigned(bot.url, slashCommandForm({ command: "/frist", text: "alle", response_url: fake.responseUrl(id) })).then(
      (res) => {
        answeredAt[i] = performance.now();
        return res;
      },
      () => undefined,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  const signalledAt = performance.now();
  const inFlight = IN_FLIGHT - answeredAt.filter((t) => t !== undefined).length;
  process.kill(bot.child.pid ?? 0, signal);
  const results = await Promise.all(requests);
  // The exit of the last process of the tree (npm waits for node, or not).
  const {
    code,
    signal: bySignal,
    at,
  } = await Promise.race([
    bot.exited,
    new Promise<{ code: null; signal: null; at: number }>((resolve) =>
      setTimeout(() => resolve({ code: null, signal: null, at: Number.NaN }), 20_000),
    ),
  ]);
  for (const deadline = Date.now() + 20_000; pids.some(alive) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
  // When the last process of the tree was gone (npm may exit before node does, or not at all).
  const lastExit = pids.some(alive) ? Number.NaN : Math.max(at, performance.now());
  const stillRunning = pids.filter(alive);
  const answered = results.filter((res, i) => replied(res, ids[i] ?? "")).length;
  const lockLeft = existsSync(path.join(dataDir, "mandat.lock"));
  for (const pid of stillRunning) process.kill(pid, "SIGKILL");
  await rm(scratch, { recursive: true, force: true });
  return {
    inFlight,
    answered,
    lost: IN_FLIGHT - answered,
    code: stillRunning.length > 0 ? `still running (${stillRunning.length})` : `${code ?? bySignal}`,
    exitMs: lastExit - signalledAt,
    lockLeft,
  };
}

console.log(`Node ${process.version}; the bot as \`node dist/src/main.js\`, PGlite, shipped mandates; ${ROUNDS} of each body`);
for (const { label, root } of CHECKOUTS) {
  console.log(`\n== ${label} (${root}): odd but correctly signed bodies ==`);
  console.log(["body".padEnd(52), "sent", "answered", "by status".padEnd(26), "deaths"].join("  "));
  for (const row of await oddBodies(root)) console.log(row);
}
for (const { label, root } of CHECKOUTS) {
  console.log(`\n== ${label}: a stop with ${IN_FLIGHT} \`/frist alle\` sent 100 ms before it ==`);
  console.log(["signal".padEnd(32), "in flight", "answered", "lost", "exit".padEnd(20), "signal→exit", "lock left"].join("  "));
  for (const [signal, viaNpm] of [
    ["SIGTERM", false],
    ["SIGINT", false],
    ["SIGTERM", true],
  ] as const) {
    const r = await stopWhileBusy(root, signal, viaNpm);
    console.log(
      [
        `${signal} to ${viaNpm ? "npm (npm start)" : "node"}`.padEnd(32),
        String(r.inFlight).padStart(9),
        String(r.answered).padStart(8),
        String(r.lost).padStart(4),
        r.code.padEnd(20),
        `${Number.isNaN(r.exitMs) ? "—" : r.exitMs.toFixed(0)} ms`.padStart(11),
        r.lockLeft ? "yes" : "no",
      ].join("  "),
    );
  }
}
await fake.stop();
