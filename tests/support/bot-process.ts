import { type ChildProcess, spawn } from "node:child_process";
import { NO_MANDATES } from "./bot.js";
import { freePort } from "./free-port.js";
import { ROOT } from "./paths.js";
import { postSigned, SIGNING_SECRET, type SlackResponse, slashCommandForm } from "./slack-request.js";

/** The bot as a process: `node --import tsx src/main.ts`, one workspace over HTTP unless `vars` say otherwise. */
export interface BotProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  port: number;
  /** When it was spawned (performance.now()). */
  spawnedAt: number;
}

/** The process environment without anything that would change what the bot does, plus `vars`. */
export function cleanEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith("SLACK_") || ["DATABASE_URL", "DATA_DIR", "MANDATES_DIR", "PORT", "LOG_LEVEL", "DEFAULT_LANGUAGE"].includes(key))
      delete env[key];
    // npm passes its own settings to scripts as npm_config_*; a test run under npm must not hand them on.
    if (key.startsWith("npm_")) delete env[key];
  }
  return { ...env, TZ: "UTC", ...vars };
}

/** Spawns the bot on a free port; `vars` on top of: no mandates, the bot token of the fake's test workspace, HTTP. */
export async function spawnBot(vars: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: cleanEnv({
      MANDATES_DIR: NO_MANDATES,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      ...vars,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => stdout.push(chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout, stderr, exited, port, spawnedAt };
}

/** Kills the process if it still runs (a test that failed half-way). */
export function killIfRunning(bot: BotProcess): void {
  if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
}

/**
 * Sends the slash command until the bot answers it (200 with a reply in the body); resolves to
 * that answer and the milliseconds since spawn. Fails if the process exits first.
 */
export async function firstAnswer(bot: BotProcess, command: string, text: string, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}: ${bot.stderr.join("")}`);
    const res: SlackResponse | undefined = await postSigned(
      `http://127.0.0.1:${bot.port}/slack/events`,
      slashCommandForm({ command, text }),
    ).catch(() => undefined);
    if (res?.status === 200 && res.json?.text) return { res, ms: performance.now() - bot.spawnedAt };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the bot did not answer ${command} within ${timeoutMs} ms`);
}
