// The bot assembled: services over a database, Slack, mandates, jobs. src/main.ts runs it as a
// process (environment, signals, exit codes); tests run the very same assembly in-process.
import { ConfigError, type Env, OperatorError, slackConnection } from "./config/env.js";
import type { Database } from "./db/connect.js";
import type { WorkspaceId } from "./domain/workspace.js";
import { planDeadlinesJob } from "./jobs/plan-deadlines.js";
import { Scheduler } from "./jobs/scheduler.js";
import type { Logger } from "./logging/logger.js";
import { logImport } from "./mandates/report-import.js";
import { SecretBox } from "./security/secret-box.js";
import { createServices, createSlackServices, type Services, type SlackServices } from "./services/create-services.js";
import { createSlackApp } from "./slack/app.js";
import { BAD_TOKEN_CODES, type BotIdentity, identifyBot, type SlackAuth, tokenFor } from "./slack/auth.js";
import { databaseInstallationStore } from "./slack/installation-store.js";
import { SlackNotifier } from "./slack/notifier.js";
import { slackErrorCode, WebClients } from "./slack/web-clients.js";

export interface BotOptions {
  env: Env;
  db: Database;
  logger: Logger;
  /** The one clock of the bot: read at the edges (a request, a tick) and passed inward as `now`. */
  clock: () => Date;
  /** How long a slash command's reply may take to ride in its HTTP answer (tests shorten it). */
  replyBudgetMs?: number;
}

export interface RunningBot {
  services: Services;
  slackServices: SlackServices;
  mode: SlackAuth["kind"];
  /** The workspace of a single-workspace bot. */
  workspaceId: WorkspaceId | undefined;
  /** The HTTP port listened on (useful with PORT=0); undefined in Socket Mode. */
  port: number | undefined;
  /**
   * Stops taking requests, answers those already received, and stops the jobs (waiting for runs
   * in progress), all at once; the database stays open. Resolves to false when Slack's requests
   * were cut off at the deadline (`deadlineMs`, default STOP_DEADLINE_MS of src/slack/app.ts; logged there).
   */
  stop(options?: { deadlineMs?: number }): Promise<boolean>;
}

/** Slack is not configured: the database and mandates were loaded, and this is what is missing. */
export interface NotConfigured {
  missing: string[];
}

/**
 * Work that needs Slack but must not hold up start: roster members named by e-mail, channels
 * named by name. What fails is logged and tried again at the next start (or rename, or install).
 */
async function lookUpInSlack(logger: Logger, slack: SlackServices | undefined, workspaces: WorkspaceId[]): Promise<void> {
  if (!slack) return;
  try {
    const rosters = await slack.rosters.resolveAll();
    logger.info({ ...rosters }, `roster e-mails: ${rosters.resolved} found in Slack, ${rosters.notFound.length} not found`);
    for (const workspaceId of workspaces) await slack.channels.resolveWorkspace(workspaceId);
  } catch (error) {
    logger.warn({ err: error }, "could not reach Slack for rosters and channels; trying again at the next start");
  }
}

/**
 * The bot's workspace, from its token. When Slack cannot be reached at start, a bot that has run
 * before serves the one workspace it knows and asks Slack again in the background; a bot that
 * never ran cannot know its workspace and stops, saying so.
 */
async function identifyOrRemember(
  clients: WebClients,
  botToken: string,
  services: Services,
  logger: Logger,
): Promise<{ identity: BotIdentity; stopAsking: () => void }> {
  try {
    return { identity: await identifyBot(clients, botToken), stopAsking: () => undefined };
  } catch (error) {
    if (error instanceof OperatorError) throw error;
    const known = await services.workspaces.served();
    const [only] = known;
    if (known.length !== 1 || !only) {
      throw new OperatorError(
        `Slack could not be reached to learn which workspace SLACK_BOT_TOKEN belongs to (${error instanceof Error ? error.message : String(error)}). Start again once Slack can be reached (check SLACK_API_URL and the network).`,
      );
    }
    logger.warn(
      { err: error, workspace: only },
      "Slack did not answer auth.test: serving the workspace this bot served before, and asking again in the background",
    );
    const identity: BotIdentity = { teamId: only, teamName: null, botUserId: "", botId: "" };
    const retry = setInterval(() => {
      identifyBot(clients, botToken)
        .then((found) => {
          clearInterval(retry);
          if (found.teamId !== identity.teamId)
            logger.error(
              { expected: identity.teamId, found: found.teamId },
              "SLACK_BOT_TOKEN now belongs to another workspace: restart the bot",
            );
          Object.assign(identity, found);
          logger.info({ workspace: found.teamId }, "Slack answered auth.test");
        })
        .catch(() => undefined);
    }, 30_000);
    retry.unref();
    return { identity, stopAsking: () => clearInterval(retry) };
  }
}

/** A Socket Mode connection Slack refuses is the app token's fault: one line naming the variable. */
function connectionError(error: unknown, transport: "http" | "socket"): unknown {
  const code = slackErrorCode(error);
  if (transport === "socket" && code && BAD_TOKEN_CODES.has(code)) {
    return new ConfigError(
      `SLACK_APP_TOKEN was refused by Slack (${code}): create an app-level token with connections:write and copy it again.`,
    );
  }
  return error;
}

export async function startBot({ env, db, logger, clock, replyBudgetMs }: BotOptions): Promise<RunningBot | NotConfigured> {
  const services = createServices(db.store, logger);
  const connection = slackConnection(env);
  const clients = new WebClients({ apiUrl: env.SLACK_API_URL, logger });

  // Set once the bot can talk to Slack: a workspace installed later gets its channels and rosters looked up then.
  let slackServices: SlackServices | undefined;
  let auth: SlackAuth | undefined;
  let stopAskingSlack: () => void = () => undefined;
  if (connection.mode === "single") {
    const { identity, stopAsking } = await identifyOrRemember(clients, connection.botToken, services, logger);
    stopAskingSlack = stopAsking;
    await services.workspaces.connected({ id: identity.teamId, name: identity.teamName }, clock());
    auth = { kind: "single", botToken: connection.botToken, identity };
  } else if (connection.mode === "distributed") {
    const installed = async (workspace: { id: WorkspaceId; name: string | null }) => {
      await services.workspaces.installed(workspace, clock());
      void lookUpInSlack(logger, slackServices, [workspace.id]);
    };
    const installationStore = databaseInstallationStore(
      db.store.installations,
      new SecretBox(connection.encryptionKey),
      { installed },
      clock,
    );
    auth = { kind: "distributed", ...connection, installationStore };
  }

  // Files that name no workspace belong to the bot's own (one workspace), or to the one the
  // database knows when Slack is not configured; a distributed app needs every file to name one.
  let defaultWorkspace: WorkspaceId | undefined;
  if (auth?.kind === "single") defaultWorkspace = auth.identity.teamId;
  else if (!auth) {
    const known = await services.workspaces.defaultWorkspace();
    defaultWorkspace = known.kind === "one" ? known.id : undefined;
  }
  logImport(logger, env.MANDATES_DIR, await services.importer.importPath(env.MANDATES_DIR, { now: clock(), defaultWorkspace }));

  const scheduler = new Scheduler(logger, clock);
  const planning = planDeadlinesJob(services.planner);
  scheduler.add(planning);
  await scheduler.runNow(planning);

  if (!auth || connection.mode === "none") return { missing: connection.mode === "none" ? connection.missing : [] };

  const notifier = new SlackNotifier(clients, tokenFor(auth));
  const lookups = createSlackServices(db.store, notifier, logger);
  slackServices = lookups;
  const listeners = { services, clock, defaultLanguage: env.DEFAULT_LANGUAGE, logger, replyBudgetMs };
  const distributed = auth.kind === "distributed" ? auth : undefined;
  const slack = createSlackApp({
    auth,
    transport: connection.transport,
    port: env.PORT,
    clients,
    logger,
    health: async () => ({ ok: await db.ping(), database: db.kind }),
    listeners,
    events: {
      ...listeners,
      uninstalled: async (workspaceId) => {
        // Bolt delivers these events without authorising them: a single-workspace bot only
        // believes them about its own workspace.
        if (auth.kind === "single" && workspaceId !== auth.identity.teamId) {
          logger.warn({ workspace: workspaceId }, "ignored an uninstall event about another workspace");
          return;
        }
        await services.workspaces.uninstalled(workspaceId, clock());
        await distributed?.installationStore.deleteInstallation?.({
          teamId: workspaceId,
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        });
      },
      channelRenamed: async (workspaceId) => {
        await lookups.channels.resolveWorkspace(workspaceId);
      },
    },
  });
  let port: number | undefined;
  try {
    port = await slack.start();
  } catch (error) {
    await slack.stop().catch(() => undefined);
    await scheduler.stop();
    throw connectionError(error, connection.transport.kind);
  }
  logger.info(
    { mode: auth.kind, transport: connection.transport.kind, port: port ?? env.PORT },
    connection.transport.kind === "socket"
      ? "Mandat is connected to Slack (Socket Mode)."
      : `Mandat is listening on port ${port ?? env.PORT} (POST /slack/events, GET /healthz).`,
  );
  const workspaceId = auth.kind === "single" ? auth.identity.teamId : undefined;
  void lookUpInSlack(logger, lookups, workspaceId ? [workspaceId] : await services.workspaces.served());
  await scheduler.start();

  return {
    services,
    slackServices: lookups,
    mode: auth.kind,
    workspaceId,
    port,
    async stop(options) {
      stopAskingSlack();
      const [answered] = await Promise.all([slack.stop(options), scheduler.stop()]);
      return answered;
    },
  };
}
