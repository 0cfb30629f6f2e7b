// The command line: runs any slash command against the bot's database and prints the reply,
// or imports mandate files. `npm run cli -- help` explains it.
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { COMMANDS, commandNamed } from "../../commands/index.js";
import { loadEnv } from "../config/env.js";
import { staleBuildWarning } from "../config/stale-build.js";
import { openDatabase } from "../db/connect.js";
import { MIGRATIONS_DIR } from "../db/migrate.js";
import { EARLIEST_YEAR, isYearInRange, LATEST_YEAR } from "../domain/calendar-date.js";
import type { Caller } from "../domain/caller.js";
import { Language } from "../domain/language.js";
import { TeamId, type WorkspaceId } from "../domain/workspace.js";
import { createLogger } from "../logging/logger.js";
import { importReport } from "../mandates/report-import.js";
import { createServices, type Services } from "../services/create-services.js";
import type { ImportOutcome } from "../services/mandate-importer.js";
import { replyMessage } from "../slack/blocks/reply-blocks.js";
import { renderText } from "./render-text.js";

const USAGE = `Usage:
  npm run cli -- "/mandat [text]" [--as <e-mail or Slack id>] [--now <ISO date-time>] [--lang da|nb|sv|en] [--team T…]
  npm run cli -- "/frist [text]"  [same options]
  npm run cli -- import <file or directory> [--team T…]

Examples:
  npm run cli -- "/mandat norprem oppgaver"
  npm run cli -- "/frist alle" --lang en
  npm run cli -- "/frist gms-2024 alla" --now 2024-10-01T09:00:00Z
  npm run cli -- "/frist gms-2024 ny 1.6.2027 Slutrapport" --as secretariat@example.org

Without --as the caller sits on no roster and sees the public committees. The deadlines are
planned as of --now (an ISO date or date-time, years 1900–2200), as the bot's nightly job
would have. On a database with no committee yet, the mandates in MANDATES_DIR (default
./mandates) are imported first; after that only \`import\` (or the bot's start) changes them.
--team picks the Slack workspace (team id) when the database serves several; files that name
no workspace are imported into it.`;

class UsageError extends Error {}

/** Who --as names, in whichever workspace turns out to be the caller's. */
function parseCaller(value: string | undefined): Omit<Caller, "workspaceId"> {
  if (!value) return {};
  if (value.includes("@")) return { email: value.toLowerCase() };
  if (/^[UW][A-Z0-9]{2,}$/.test(value)) return { slackUserId: value };
  throw new UsageError(`--as takes an e-mail address or a Slack user id (U…), not "${value}".`);
}

function parseTeam(team: string | undefined): WorkspaceId | undefined {
  if (team !== undefined && !TeamId.safeParse(team).success) {
    throw new UsageError(`--team takes a Slack workspace id such as T012ABCDEF, not "${team}".`);
  }
  return team;
}

/** --team, else the one workspace the database serves (or "local" before any). */
async function workspaceFor(team: WorkspaceId | undefined, services: Services): Promise<WorkspaceId> {
  if (team !== undefined) return team;
  const known = await services.workspaces.defaultWorkspace();
  if (known.kind === "one") return known.id;
  throw new UsageError(`This database serves several Slack workspaces (${known.ids.join(", ")}): say which with --team.`);
}

function parseNow(value: string | undefined): { now: Date; given: boolean } {
  if (value === undefined) return { now: new Date(), given: false };
  // luxon refuses days that do not exist (2024-02-30), which Date would roll over into March.
  const parsed = DateTime.fromISO(value, { zone: "utc" });
  if (!parsed.isValid) throw new UsageError(`--now takes an ISO date or date-time such as 2024-10-01T09:00:00Z, not "${value}".`);
  if (!isYearInRange(parsed.year)) throw new UsageError(`--now must fall in the years ${EARLIEST_YEAR}–${LATEST_YEAR}, not "${value}".`);
  return { now: parsed.toJSDate(), given: true };
}

const OPTIONS = {
  as: { type: "string" },
  now: { type: "string" },
  lang: { type: "string" },
  team: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** parseArgs, with its complaints (an unknown option, a missing value) as usage errors. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // node:util's own words ("Unknown option '--foo'", "Option '--now <value>' argument missing"), first sentence.
    const words = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${words.split(". ")[0]?.replace(/\.$/, "")}.`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [first, ...rest] = positionals;
  if (values.help || !first || first === "help") {
    console.log(USAGE);
    return first || values.help ? 0 : 2;
  }
  // Everything that can be checked without the database is checked first: a typo costs no start-up.
  const team = parseTeam(values.team);
  const language = values.lang === undefined ? undefined : Language.safeParse(values.lang);
  if (language && !language.success) throw new UsageError(`--lang takes da, nb, sv or en, not "${values.lang}".`);
  const { now, given } = parseNow(values.now);
  const who = parseCaller(values.as);
  // Everything after the command name is its text, as Slack would send it.
  const line = [first, ...rest].join(" ").trim();
  const name = line.split(/\s+/)[0] ?? "";
  const command = first === "import" ? undefined : commandNamed(name);
  if (first !== "import" && !command) {
    throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}, import.`);
  }
  if (first === "import" && rest.length === 0) throw new UsageError("import needs a file or directory.");

  const env = loadEnv(process.env);
  // Logs go to stderr: stdout is the reply.
  const logger = createLogger({ level: env.LOG_LEVEL, destination: 2, name: "mandat-cli" });
  const stale = staleBuildWarning(import.meta.url);
  if (stale) console.error(stale);
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }, { migrationsDir: MIGRATIONS_DIR, logger });
  try {
    const services = createServices(db.store, logger);
    const workspaceId = await workspaceFor(team, services);
    if (!command) {
      const outcomes: ImportOutcome[] = [];
      const empty: string[] = [];
      for (const target of rest) {
        const found = await services.importer.importPath(target, { now: new Date(), defaultWorkspace: workspaceId });
        if (found.length === 0) empty.push(target);
        outcomes.push(...found);
      }
      if (outcomes.length > 0) console.log(importReport(outcomes));
      for (const target of empty) console.error(`${target}: no mandate files (*.yaml, *.yml) found there; nothing was imported.`);
      return outcomes.some((o) => o.status === "refused") || empty.length > 0 ? 1 : 0;
    }
    const caller: Caller = { workspaceId, ...who };
    // Only a database with no committee gets MANDATES_DIR, so that a first try shows something;
    // after that the CLI never re-imports over what `import` (or the bot) stored.
    if ((await db.store.committees.count()) === 0) {
      const imported = await services.importer.importPath(env.MANDATES_DIR, { now: new Date(), defaultWorkspace: workspaceId });
      const refused = imported.filter((o) => o.status === "refused");
      if (refused.length) console.error(importReport(refused));
    }
    await services.planner.planDeadlines({ now });
    const reply = await command.execute(
      line.slice(name.length).trim(),
      {
        caller,
        now,
        asOfGiven: given,
        language: language?.data,
        defaultLanguage: env.DEFAULT_LANGUAGE,
      },
      services,
    );
    console.log(renderText(replyMessage(reply)));
    return reply.kind === "error" ? 1 : 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error && !(error instanceof TypeError) ? error.message : error);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    process.exitCode = 2;
  });
