// The process: environment → logger → database → the bot (src/bot.ts) → signals and exit codes.
import { startBot } from "./bot.js";
import { loadEnv, OperatorError } from "./config/env.js";
import { staleBuildWarning } from "./config/stale-build.js";
import { openDatabase } from "./db/connect.js";
import { DataDirInUseError } from "./db/data-dir-lock.js";
import { MIGRATIONS_DIR } from "./db/migrate.js";
import { createLogger, type Logger } from "./logging/logger.js";

const NOT_CONFIGURED = (missing: string[]) =>
  [
    "",
    `Slack is not configured: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing.`,
    "  One workspace, HTTP:        SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and expose PORT, default 3000).",
    "  One workspace, Socket Mode: SLACK_BOT_TOKEN and SLACK_APP_TOKEN (no inbound port needed).",
    "  A distributed app (OAuth):  SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, TOKEN_ENCRYPTION_KEY,",
    "                              and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN.",
    'See README.md, "Connect to Slack". Meanwhile, try the bot from the command line:',
    '  npm run cli -- "/mandat"',
    '  npm run cli -- "/frist alle"',
    '  npm run cli -- "/frist gms-2024 alla" --now 2024-10-01T09:00:00Z',
  ].join("\n");

/** Container platforms send SIGKILL 10 s after SIGTERM; the bot is gone before that. */
const HARD_STOP_MS = 9500;

async function main(logger: Logger): Promise<number> {
  const env = loadEnv(process.env);
  logger.level = env.LOG_LEVEL;
  const stale = staleBuildWarning(import.meta.url);
  if (stale) logger.warn({}, stale);
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }, { migrationsDir: MIGRATIONS_DIR, logger });
  logger.info(
    { database: db.kind },
    db.kind === "pglite" ? `Database: embedded (PGlite) in ${env.DATA_DIR}` : "Database: PostgreSQL (DATABASE_URL)",
  );
  const starting = startBot({ env, db, logger, clock: () => new Date() });
  // A stop asked for while starting waits for the start to finish (an import half done in the
  // embedded database is not to be cut off), then stops what was started.
  // Stopping takes no new requests, answers the ones received, stops the jobs and closes the
  // database (releasing DATA_DIR's lock), within HARD_STOP_MS whatever happens. Exit 0 when
  // nothing was cut off; a second signal stops at once.
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "stopping: finishing the work in progress");
    setTimeout(() => {
      logger.error({ signal, ms: HARD_STOP_MS }, "could not stop in time: exiting without finishing");
      process.exit(1);
    }, HARD_STOP_MS).unref();
    try {
      const started = await starting.catch(() => undefined);
      const answered = started && "stop" in started ? await started.stop() : true;
      await db.close();
      process.exit(answered ? 0 : 1);
    } catch (error) {
      logger.error({ err: error, signal }, "could not stop cleanly");
      process.exit(1);
    }
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  let bot: Awaited<typeof starting>;
  try {
    bot = await starting;
  } catch (error) {
    await db.close();
    throw error;
  }
  if (!("stop" in bot)) {
    await db.close();
    console.error(NOT_CONFIGURED(bot.missing));
    return 1;
  }
  return 0;
}

const logger = createLogger({ level: "info" });
// An unexpected rejection anywhere is a bug to log, not a reason to stop serving everyone else.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

main(logger)
  .then((code) => {
    if (code !== 0) process.exitCode = code;
  })
  .catch((error: unknown) => {
    // A configuration the bot cannot run with is one line for the operator; anything else is a bug with its stack.
    if (error instanceof OperatorError || error instanceof DataDirInUseError) console.error(error.message);
    else logger.error({ err: error }, "start-up failed");
    process.exitCode = 1;
  });
