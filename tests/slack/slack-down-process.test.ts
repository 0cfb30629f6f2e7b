import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, firstAnswer, killIfRunning, spawnBot } from "../support/bot-process.js";
import { bearer, FakeSlack } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";
import { MANDATES_DIR } from "../support/paths.js";

/**
 * The bot as a process (`node --import tsx src/main.ts`) with Slack down or refusing: a token
 * Slack refuses stops it with one line naming the variable and exit 1; Slack unreachable or
 * rate limiting at start does not stop a bot that has run before, and it answers slash commands
 * at once. Each start costs a second or two.
 */

const TIMEOUT = 60_000;

let fake: FakeSlack;
let scratch: string;
const started: BotProcess[] = [];

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  scratch = await mkdtemp(path.join(tmpdir(), "mandat-slack-down-"));
});
afterEach(() => {
  for (const bot of started.splice(0)) killIfRunning(bot);
  fake.up();
});
afterAll(async () => {
  await fake.stop();
  await rm(scratch, { recursive: true, force: true });
});

async function spawn(vars: Record<string, string>): Promise<BotProcess> {
  const bot = await spawnBot({ SLACK_API_URL: fake.apiUrl, ...vars });
  started.push(bot);
  return bot;
}

/** Exit 1 and exactly one line on stderr that names `variable` and Slack's `code`: no stack, no token. */
async function expectOneLine(bot: BotProcess, variable: string, code: string, token: string) {
  const { code: exitCode } = await bot.exited;
  expect(exitCode).toBe(1);
  const stderr = bot.stderr.join("");
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toContain(`${variable} was refused by Slack (${code})`);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(bot.stdout.join("")).not.toMatch(/^\s+at /m);
  expect(`${stderr}${bot.stdout.join("")}`).not.toContain(token);
  // Not a crash: no log line carries a stack.
  expect(bot.stdout.join("").match(/"stack"/g) ?? []).toEqual([]);
}

describe("a token Slack refuses at start", () => {
  it.each(["invalid_auth", "token_revoked", "account_inactive"])(
    "SLACK_BOT_TOKEN refused with %s: exit 1, one line naming the variable",
    { timeout: TIMEOUT },
    async (code) => {
      const token = `xoxb-refused-${code}`;
      fake.answer("auth.test", (_body, _attempt, call) =>
        bearer(call) === token
          ? { body: { ok: false, error: code } }
          : { body: { ok: true, team_id: "T0001", team: "Mandat test", user_id: "UBOT", bot_id: "BBOT" } },
      );
      const bot = await spawn({ SLACK_BOT_TOKEN: token, DATA_DIR: path.join(scratch, "refused") });
      await expectOneLine(bot, "SLACK_BOT_TOKEN", code, token);
    },
  );

  it.each(["invalid_auth", "token_revoked"])(
    "SLACK_APP_TOKEN (Socket Mode) refused with %s: exit 1, one line naming the variable",
    { timeout: TIMEOUT },
    async (code) => {
      const token = `xapp-refused-${code}`;
      fake.answer("auth.test", () => ({ body: { ok: true, team_id: "T0001", team: "Mandat test", user_id: "UBOT", bot_id: "BBOT" } }));
      fake.answer("apps.connections.open", () => ({ body: { ok: false, error: code } }));
      const bot = await spawn({ SLACK_APP_TOKEN: token, SLACK_SIGNING_SECRET: "", DATA_DIR: path.join(scratch, "refused") });
      await expectOneLine(bot, "SLACK_APP_TOKEN", code, token);
    },
  );
});

describe("Slack down at start, for a bot that ran before", () => {
  const dataDir = () => path.join(scratch, "ran-before");

  beforeAll(async () => {
    fake.answer("auth.test", () => ({ body: { ok: true, team_id: "T0001", team: "Mandat test", user_id: "UBOT", bot_id: "BBOT" } }));
    // The first run, with Slack up: the data directory learns its workspace.
    const first = await spawn({ DATA_DIR: dataDir(), MANDATES_DIR });
    await firstAnswer(first, "/frist", "norprem");
    first.child.kill("SIGTERM");
    expect(await first.exited).toEqual({ code: 0, signal: null });
  }, TIMEOUT);

  it.each([
    { label: "unreachable", vars: async () => ({ SLACK_API_URL: `http://127.0.0.1:${await freePort()}/api/` }) },
    {
      label: "answering 500",
      vars: async () => {
        fake.down({ kind: "5xx" });
        return {};
      },
    },
    {
      label: "answering 429 with Retry-After: 60",
      vars: async () => {
        fake.down({ kind: "429", retryAfterSeconds: 60 });
        return {};
      },
    },
  ])(
    "$label: it starts, answers /frist in the ack, /healthz 200 and /readyz 503; SIGTERM stops it with 0",
    { timeout: TIMEOUT },
    async ({ vars }) => {
      const bot = await spawn({ DATA_DIR: dataDir(), MANDATES_DIR, ...(await vars()) });
      const { res } = await firstAnswer(bot, "/frist", "norprem alle");
      expect(res.json?.response_type).toBe("ephemeral");
      expect(String(res.json?.text)).toContain("Nasjonalt kompetansenettverk for persontilpasset medisin");
      expect(res.ms).toBeLessThan(2_500);
      expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ components: { slack: { ready: false, workspace: "T0001" }, database: { ready: true } } });
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.stderr.join("")).toBe("");
    },
  );
});
