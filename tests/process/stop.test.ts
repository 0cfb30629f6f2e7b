import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv } from "../support/bot-process.js";
import { FakeSlack } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";
import { MANDATES_DIR, ROOT } from "../support/paths.js";
import { postSigned, SIGNING_SECRET, signature, slashCommandForm } from "../support/slack-request.js";

/**
 * The bot as `npm start` runs it (compiled: `node dist/src/main.js`; `npm run build` first, as
 * `npm test` does), on the embedded database with the shipped mandates, busy when it is told to
 * stop. Every request it has received is answered, its jobs and database are closed (DATA_DIR's
 * lock released), and it exits 0 within 10 s. Also: a rejection nobody handles is logged and
 * the bot keeps serving. The processes share one data directory, so only the first start pays
 * for creating it.
 */

const TIMEOUT = 90_000;
/** Container platforms kill 10 s after SIGTERM. */
const STOP_LIMIT_MS = 10_000;

interface Bot {
  child: ChildProcess;
  port: number;
  eventsUrl: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

let fake: FakeSlack;
let scratch: string;
let dataDir: string;
const started: Bot[] = [];

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-stop-"));
  dataDir = path.join(scratch, "data");
});
afterEach(() => {
  // A test that failed half-way leaves nothing running (npm's children included).
  for (const bot of started.splice(0)) {
    if (bot.child.pid && bot.child.exitCode === null && bot.child.signalCode === null) process.kill(-bot.child.pid, "SIGKILL");
  }
});
afterAll(async () => {
  await fake.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** Starts the bot with `command` (in its own process group) and resolves once /healthz answers 200. */
async function startBot(command: string[], vars: Record<string, string> = {}): Promise<Bot> {
  const port = await freePort();
  const [file, ...args] = command;
  if (!file) throw new Error("no command");
  const child = spawn(file, args, {
    cwd: ROOT,
    env: cleanEnv({
      DATA_DIR: dataDir,
      MANDATES_DIR,
      SLACK_API_URL: fake.apiUrl,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      ...vars,
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => stdout.push(chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  const bot = { child, port, eventsUrl: `http://127.0.0.1:${port}/slack/events`, stdout, stderr, exited };
  started.push(bot);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${stderr.join("")}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return bot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the bot did not answer /healthz within 60 s");
}

interface Sent {
  /** Resolves once the whole request is written to the connection: the bot's machine has it. */
  written: Promise<void>;
  answer: Promise<{ status: number; body: string; at: number } | { error: string; at: number }>;
}

/** A signed slash command over its own connection, telling when it is written and when it is answered. */
function sendCommand(url: string, text: string, responseUrl: string): Sent {
  const body = new URLSearchParams(slashCommandForm({ command: "/frist", text, response_url: responseUrl })).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  let written: () => void = () => undefined;
  const writtenPromise = new Promise<void>((resolve) => {
    written = resolve;
  });
  const answer = new Promise<{ status: number; body: string; at: number } | { error: string; at: number }>((resolve) => {
    const req = request(url, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": Buffer.byteLength(body),
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature(SIGNING_SECRET, timestamp, body),
      },
    });
    req.on("finish", () => written());
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, at: performance.now() }));
      res.on("error", (error) => resolve({ error: String(error), at: performance.now() }));
    });
    req.on("error", (error) => {
      written();
      resolve({ error: String(error), at: performance.now() });
    });
    req.end(body);
  });
  return { written: writtenPromise, answer };
}

let replies = 0;

/**
 * Sends `count` slow commands (`/frist alle` on the shipped mandates: about 40 ms each, one at a
 * time in the embedded database), sends `signal` to `target` once they are all written, and
 * reports what came back and how the process ended.
 */
async function stopWhileBusy(bot: Bot, count: number, signal: NodeJS.Signals, target: number) {
  const ids = Array.from({ length: count }, () => `busy-${++replies}`);
  const sent = ids.map((id) => sendCommand(bot.eventsUrl, "alle", fake.responseUrl(id)));
  await Promise.all(sent.map((s) => s.written));
  const signalledAt = performance.now();
  process.kill(target, signal);
  const answers = await Promise.all(sent.map((s) => s.answer));
  const exit = await bot.exited;
  const withReply = answers.filter((answer, i) => {
    if (!("status" in answer) || answer.status !== 200) return false;
    // The reply rides in the HTTP answer, or (when it took longer than the budget) went to response_url.
    if (answer.body.includes('"blocks"')) return true;
    return fake.callsTo(`response_url:${ids[i]}`).some((call) => Array.isArray(call.body.blocks));
  });
  return {
    answers,
    withReply: withReply.length,
    answeredAfterSignal: answers.filter((a) => "status" in a && a.at > signalledAt).length,
    exit,
    exitMs: exit.at - signalledAt,
  };
}

/** The bot's log lines (JSON) from stdout. */
function logLines(bot: Bot): { level: number; msg: string; [key: string]: unknown }[] {
  return bot.stdout
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

describe("stopping while busy", () => {
  it("SIGTERM with 50 slash commands in flight: all 50 answered with a reply, jobs and database closed, exit 0 within 10 s", {
    timeout: TIMEOUT,
  }, async () => {
    const bot = await startBot([process.execPath, "dist/src/main.js"]);
    const result = await stopWhileBusy(bot, 50, "SIGTERM", bot.child.pid ?? 0);
    expect(result.answers.filter((a) => !("status" in a))).toEqual([]);
    expect(result.answers.map((a) => ("status" in a ? a.status : 0))).toEqual(Array(50).fill(200));
    expect(result.withReply).toBe(50);
    // They were in flight: most of them were answered only after the signal.
    expect(result.answeredAfterSignal).toBeGreaterThanOrEqual(25);
    expect(result.exit).toMatchObject({ code: 0, signal: null });
    expect(result.exitMs).toBeLessThan(STOP_LIMIT_MS);
    expect(existsSync(path.join(dataDir, "mandat.lock"))).toBe(false);
    const lines = logLines(bot);
    expect(lines.some((l) => l.msg.startsWith("stopping") && l.signal === "SIGTERM")).toBe(true);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("SIGINT (Ctrl-C) does the same", { timeout: TIMEOUT }, async () => {
    const bot = await startBot([process.execPath, "dist/src/main.js"]);
    const result = await stopWhileBusy(bot, 20, "SIGINT", bot.child.pid ?? 0);
    expect(result.withReply).toBe(20);
    expect(result.exit).toMatchObject({ code: 0, signal: null });
    expect(result.exitMs).toBeLessThan(STOP_LIMIT_MS);
    expect(existsSync(path.join(dataDir, "mandat.lock"))).toBe(false);
  });

  it("`npm start` passes SIGTERM sent to npm alone on to the bot: all answered, no process left, lock released", {
    timeout: TIMEOUT,
  }, async () => {
    const bot = await startBot(["npm", "start", "--silent"]);
    const npm = bot.child.pid ?? 0;
    const tree = execFileSync("ps", ["-o", "pid=", "-g", String(npm)])
      .toString()
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((pid) => pid > 0);
    const result = await stopWhileBusy(bot, 20, "SIGTERM", npm);
    expect(result.withReply).toBe(20);
    expect(result.exit).toMatchObject({ code: 0, signal: null });
    // Nothing of the process group is left running (npm used to leave node behind).
    const alive = tree.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    expect(existsSync(path.join(dataDir, "mandat.lock"))).toBe(false);
  });
});

describe("a rejection nobody handles", () => {
  it("is logged at error and the bot keeps answering", { timeout: TIMEOUT }, async () => {
    // The preload makes SIGUSR2 reject a promise that nothing awaits, as a bug anywhere could.
    const preload = path.join(ROOT, "tests", "support", "reject-on-sigusr2.mjs");
    const bot = await startBot([process.execPath, "--import", preload, "dist/src/main.js"]);
    bot.child.kill("SIGUSR2");
    const deadline = Date.now() + 10_000;
    while (!logLines(bot).some((l) => l.msg === "unhandled rejection") && Date.now() < deadline) {
      if (bot.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(bot.child.exitCode).toBeNull();
    const logged = logLines(bot).find((l) => l.msg === "unhandled rejection");
    expect(logged).toMatchObject({ level: 50, err: { message: "a rejection nobody handles (test)" } });
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const res = await postSigned(bot.eventsUrl, slashCommandForm({ command: "/mandat", text: "norprem" }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json?.blocks)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toMatchObject({ code: 0, signal: null });
  });
});
