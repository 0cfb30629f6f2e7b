// The composition root: environment → database → mandates → Slack → start.
import { LogLevel } from "@slack/bolt";
import { loadEnv, slackConnection } from "./config/env.js";
import { openDatabase } from "./db/connect.js";
import { DataDirInUseError } from "./db/data-dir-lock.js";
import { MIGRATIONS_DIR } from "./db/migrate.js";
import { importReport } from "./mandates/report-import.js";
import { createServices } from "./services/create-services.js";
import { RosterResolver } from "./services/roster-resolver.js";
import { createSlackApp } from "./slack/app.js";

const clock = () => new Date();

async function main(): Promise<number> {
  const env = loadEnv(process.env);
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }, { migrationsDir: MIGRATIONS_DIR });
  console.log(db.kind === "pglite" ? `Database: embedded (PGlite) in ${env.DATA_DIR}` : "Database: PostgreSQL (DATABASE_URL)");
  const services = createServices(db.prisma);

  const outcomes = await services.importer.importPath(env.MANDATES_DIR, clock());
  console.log(`Mandates from ${env.MANDATES_DIR}:\n${importReport(outcomes)}`);

  const connection = slackConnection(env);
  if (connection.mode === "none") {
    await db.close();
    console.error(
      [
        "",
        `Slack is not configured: ${connection.missing.join(" and ")} ${connection.missing.length > 1 ? "are" : "is"} missing.`,
        "  HTTP mode:   set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and expose PORT, default 3000).",
        "  Socket Mode: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (no inbound port needed).",
        'See README.md, "Connect to Slack". Meanwhile, try the bot from the command line:',
        '  npm run cli -- "/mandat"',
        '  npm run cli -- "/frist alle"',
        '  npm run cli -- "/frist gms-2024 alla" --now 2024-10-01T09:00:00Z',
      ].join("\n"),
    );
    return 1;
  }

  const slack = createSlackApp({
    connection,
    port: env.PORT,
    apiUrl: env.SLACK_API_URL,
    services,
    clock,
    defaultLanguage: env.DEFAULT_LANGUAGE,
    health: async () => ({ ok: await db.ping(), database: db.kind }),
    logLevel: { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[env.LOG_LEVEL],
  });
  await slack.start();
  console.log(
    connection.mode === "socket"
      ? "Mandat is connected to Slack (Socket Mode)."
      : `Mandat is listening on port ${env.PORT} (POST /slack/events, GET /healthz).`,
  );

  new RosterResolver(services.committees, slack.lookupUserByEmail)
    .resolveAll()
    .then((r) => {
      if (r.resolved || r.notFound.length) console.log(`Roster e-mails: ${r.resolved} found in Slack, ${r.notFound.length} not found.`);
    })
    .catch((error: unknown) => console.warn("Could not look up roster e-mails in Slack; will try again at next start.", error));

  const shutdown = async () => {
    await slack.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return 0;
}

main()
  .then((code) => {
    if (code !== 0) process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(
      error instanceof DataDirInUseError || (error instanceof Error && error.message.startsWith("The environment")) ? error.message : error,
    );
    process.exitCode = 1;
  });
