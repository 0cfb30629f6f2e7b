import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, killIfRunning, spawnBot } from "../support/bot-process.js";
import { FakeSlack } from "../support/fake-slack.js";
import { postSigned, slashCommandForm } from "../support/slack-request.js";

/**
 * The bot as a process (`node --import tsx src/main.ts`) talking to the fake Slack: what it
 * writes to stdout and stderr, at which LOG_LEVEL, and how it stops. Each start costs a second
 * or two, so each test starts one process and checks all it can in it.
 */

const TIMEOUT = 60_000;

interface LogLine {
  level: number;
  time: number;
  msg: string;
  source?: string;
  [field: string]: unknown;
}

let fake: FakeSlack;
let scratch: string;
const started: BotProcess[] = [];

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-logging-"));
});
afterEach(() => {
  // A test that failed half-way leaves no bot running.
  for (const bot of started.splice(0)) killIfRunning(bot);
});
afterAll(async () => {
  await fake.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** Starts the bot on a free port, one workspace over HTTP, against the fake Slack. The data directory is shared by the tests. */
async function startBot(vars: Record<string, string>): Promise<BotProcess> {
  const bot = await spawnBot({ DATA_DIR: path.join(scratch, "data"), SLACK_API_URL: fake.apiUrl, ...vars });
  started.push(bot);
  return bot;
}

/** Resolves once GET /healthz answers 200; fails if the process exits first. */
async function ready(bot: BotProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}: ${bot.stderr.join("")}`);
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bot did not answer /healthz within ${timeoutMs} ms`);
}

/** Every line of stdout, each parsed as JSON (a line that is not JSON fails the test, naming it). */
function logLines(bot: BotProcess): LogLine[] {
  const text = bot.stdout.join("");
  expect(text === "" || text.endsWith("\n"), "stdout ends with a complete line").toBe(true);
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      let parsed: unknown;
      expect(() => {
        parsed = JSON.parse(line);
      }, `not JSON: ${line}`).not.toThrow();
      const entry = parsed as LogLine;
      expect(typeof entry.level, `level of ${line}`).toBe("number");
      expect(typeof entry.time, `time of ${line}`).toBe("number");
      expect(typeof entry.msg, `msg of ${line}`).toBe("string");
      return entry;
    });
}

const DEBUG = 20;
const INFO = 30;
const WARN = 40;

describe("the bot's logs, as a process", () => {
  it("LOG_LEVEL=debug: JSON lines with level/time/msg, Bolt's and WebClient's own debug lines; SIGTERM → a stopping line, exit 0", {
    timeout: TIMEOUT,
  }, async () => {
    const bot = await startBot({ LOG_LEVEL: "debug" });
    await ready(bot);
    const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandForm({ command: "/mandat", text: "" }));
    expect(res.status).toBe(200);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.stderr.join("")).toBe("");

    const lines = logLines(bot);
    const startedAt = Date.now() - TIMEOUT;
    for (const line of lines) {
      expect(line.time).toBeGreaterThan(startedAt);
      expect(line.time).toBeLessThanOrEqual(Date.now());
    }
    // Our own lines, and those of the libraries, fed through the same logger.
    expect(lines.some((l) => l.level === INFO && l.msg.startsWith(`Mandat is listening on port ${bot.port}`))).toBe(true);
    expect(lines.filter((l) => l.level === DEBUG && l.source === "web-api").map((l) => l.msg)).toContain("apiCall('auth.test') start");
    expect(lines.filter((l) => l.level === DEBUG && l.source === "bolt").length).toBeGreaterThan(0);
    // The token never reaches the log.
    expect(bot.stdout.join("")).not.toContain("xoxb-test-token");
    // The last line says it stopped, and why.
    expect(lines.at(-1)).toMatchObject({ level: INFO, signal: "SIGTERM", msg: expect.stringMatching(/^stopping/) });
  });

  it("LOG_LEVEL=warn: warnings (a badly signed request) but no info or debug lines, not even the stopping line", {
    timeout: TIMEOUT,
  }, async () => {
    const bot = await startBot({ LOG_LEVEL: "warn" });
    await ready(bot);
    const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandForm({ command: "/mandat", text: "" }), {
      secret: "not-the-secret",
    });
    expect(res.status).toBe(401);
    // Bolt logs the refused signature as a warning; wait for it before stopping.
    const deadline = Date.now() + 5_000;
    while (!bot.stdout.join("").includes('"level":40') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toEqual({ code: 0, signal: null });

    const lines = logLines(bot);
    expect(lines.filter((l) => l.level === WARN).map((l) => l.msg)).toContainEqual(expect.stringMatching(/verify/));
    expect(lines.filter((l) => l.level < WARN)).toEqual([]);
  });

  it("a SLACK_BOT_TOKEN that auth.test refuses (invalid_auth): exit 1, one stderr line naming the variable, no stack", {
    timeout: TIMEOUT,
  }, async () => {
    const bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-revoked-token" });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const stderr = bot.stderr.join("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain("SLACK_BOT_TOKEN");
    expect(stderr).toContain("invalid_auth");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain("xoxb-revoked-token");
    // stdout is still only log lines, and none of them an error with a stack.
    const lines = logLines(bot);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(fake.callsTo("auth.test").some((c) => c.headers.authorization === "Bearer xoxb-revoked-token")).toBe(true);
  });
});
