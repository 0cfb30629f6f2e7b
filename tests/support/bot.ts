import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type BotOptions, type NotConfigured, type RunningBot as StartedBot, startBot } from "../../src/bot.js";
import { loadEnv } from "../../src/config/env.js";
import type { Database } from "../../src/db/connect.js";
import type { Language } from "../../src/domain/language.js";
import type { WorkspaceId } from "../../src/domain/workspace.js";
import { type Logger, silentLogger } from "../../src/logging/logger.js";
import type { Services } from "../../src/services/create-services.js";
import { openTestDatabase } from "./database.js";
import { FakeSlack } from "./fake-slack.js";
import { ROOT } from "./paths.js";
import { SIGNING_SECRET } from "./slack-request.js";

/** The workspace the fake Slack's auth.test names for the default test token. */
export const TEST_TEAM = "T0001";
/** A mandates directory with no files: tests import what they need themselves. */
export const NO_MANDATES = path.join(ROOT, "tests", "fixtures", "no-mandates");

export interface RunningBot {
  /** POST target for commands, buttons and events. */
  eventsUrl: string;
  baseUrl: string;
  fake: FakeSlack;
  services: Services;
  bot: StartedBot;
  /** The workspace files without `workspace:` go to (the single-workspace bot's own). */
  workspaceId: WorkspaceId;
  stop(): Promise<void>;
}

export interface BotTestOptions {
  clock?: () => Date;
  defaultLanguage?: Language;
  /** Environment on top of a single-workspace HTTP bot talking to the fake Slack. */
  env?: Record<string, string>;
  /** An already running fake Slack to use (two bots sharing one); else a new one. */
  fake?: FakeSlack;
  logger?: Logger;
  /** How long a command's reply may take to ride in its HTTP answer; 0 sends every reply through response_url. */
  replyBudgetMs?: number;
  /** How the bot tries its own Slack calls again; tests shorten the waits. */
  retry?: BotOptions["retry"];
  /** How long it waits for auth.test at start when it ran before. */
  identityWaitMs?: number;
}

/**
 * The real bot (src/bot.ts, as `npm start` assembles it) over HTTP on a loopback port, with its
 * Web API calls going to a local fake Slack. `clock` fixes the moment the bot thinks it is.
 */
export async function startTestBot(db: Database, options: BotTestOptions = {}): Promise<RunningBot> {
  const fake = options.fake ?? new FakeSlack();
  const ownFake = !options.fake;
  if (ownFake) await fake.start();
  const env = loadEnv({
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    MANDATES_DIR: NO_MANDATES,
    DEFAULT_LANGUAGE: options.defaultLanguage ?? "en",
    ...options.env,
  });
  const started: StartedBot | NotConfigured = await startBot({
    env,
    db,
    logger: options.logger ?? silentLogger(),
    clock: options.clock ?? (() => new Date()),
    ...(options.replyBudgetMs === undefined ? {} : { replyBudgetMs: options.replyBudgetMs }),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.identityWaitMs === undefined ? {} : { identityWaitMs: options.identityWaitMs }),
  });
  if (!("stop" in started)) throw new Error(`the test bot is not configured: ${started.missing.join(", ")}`);
  if (!started.port) throw new Error("the Slack app did not report its port");
  const baseUrl = `http://127.0.0.1:${started.port}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    fake,
    services: started.services,
    bot: started,
    workspaceId: started.workspaceId ?? TEST_TEAM,
    async stop() {
      await started.stop();
      if (ownFake) await fake.stop();
    },
  };
}

export interface BotUnderTest {
  db: Database;
  bot: RunningBot;
}

/**
 * For a describe block: a fresh PGlite database and the real app on it, fixed at `now`,
 * seeded by `seed` (usually mandate imports), stopped and closed after the block. The fields
 * are set once the block's beforeAll has run.
 */
export function useBot(options: { now: Date; seed?: (bot: RunningBot) => Promise<void> }): BotUnderTest {
  let db: Database | undefined;
  let bot: RunningBot | undefined;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
    bot = await startTestBot(db, { clock: () => options.now });
    await options.seed?.(bot);
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
  });
  const notYet = (): never => {
    throw new Error("the bot is not running (did beforeAll fail?)");
  };
  return {
    get db() {
      return db ?? notYet();
    },
    get bot() {
      return bot ?? notYet();
    },
  };
}

/** Imports mandate files or directories into the bot's workspace, failing the setup if any file is refused. */
export async function importMandates(bot: RunningBot, paths: string[], now: Date): Promise<void> {
  for (const target of paths) {
    const refused = (await bot.services.importer.importPath(target, { now, defaultWorkspace: bot.workspaceId })).filter(
      (o) => o.status === "refused",
    );
    if (refused.length > 0) throw new Error(`refused mandate files: ${JSON.stringify(refused)}`);
  }
}
