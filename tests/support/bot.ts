import { LogLevel } from "@slack/bolt";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../src/db/connect.js";
import type { Language } from "../../src/domain/language.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { createSlackApp, type SlackApp } from "../../src/slack/app.js";
import { openTestDatabase } from "./database.js";
import { FakeSlack } from "./fake-slack.js";
import { SIGNING_SECRET } from "./slack-request.js";

export interface RunningBot {
  /** POST target for commands, buttons and events. */
  eventsUrl: string;
  baseUrl: string;
  fake: FakeSlack;
  services: Services;
  slack: SlackApp;
  stop(): Promise<void>;
}

/**
 * The real Bolt app over HTTP on a loopback port, with its Web API calls going to a local
 * fake Slack. `clock` lets a test fix the moment the bot thinks it is.
 */
export async function startBot(db: Database, options: { clock?: () => Date; defaultLanguage?: Language } = {}): Promise<RunningBot> {
  const fake = new FakeSlack();
  await fake.start();
  const services = createServices(db.prisma);
  const slack = createSlackApp({
    connection: { mode: "http", botToken: "xoxb-test-token", signingSecret: SIGNING_SECRET },
    port: 0,
    apiUrl: fake.apiUrl,
    services,
    clock: options.clock ?? (() => new Date()),
    defaultLanguage: options.defaultLanguage ?? "en",
    health: async () => ({ ok: await db.ping(), database: db.kind }),
    logLevel: LogLevel.ERROR,
  });
  const port = await slack.start();
  if (!port) throw new Error("the Slack app did not report its port");
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    fake,
    services,
    slack,
    async stop() {
      await slack.stop();
      await fake.stop();
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
    bot = await startBot(db, { clock: () => options.now });
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

/** Imports mandate files or directories, failing the setup if any file is refused. */
export async function importMandates(bot: RunningBot, paths: string[], now: Date): Promise<void> {
  for (const target of paths) {
    const refused = (await bot.services.importer.importPath(target, now)).filter((o) => o.status === "refused");
    if (refused.length > 0) throw new Error(`refused mandate files: ${JSON.stringify(refused)}`);
  }
}
