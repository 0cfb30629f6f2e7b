// The bot assembled: services over a database, Slack, mandates, jobs. src/main.ts runs it as a
// process (environment, signals, exit codes); tests run the very same assembly in-process.
import { type Env, slackConnection } from "./config/env.js";
import type { Database } from "./db/connect.js";
import type { WorkspaceId } from "./domain/workspace.js";
import { planDeadlinesJob } from "./jobs/plan-deadlines.js";
import { IDENTITY_RETRY, LOOKUP_RETRY, RetryLater, type RetryPolicy } from "./jobs/retry-later.js";
import { Scheduler } from "./jobs/scheduler.js";
import type { Logger } from "./logging/logger.js";
import { logImport } from "./mandates/report-import.js";
import { SecretBox } from "./security/secret-box.js";
import { createServices, createSlackServices, type Services, type SlackServices } from "./services/create-services.js";
import { createSlackApp } from "./slack/app.js";
import { refusedTokenCode, type SlackAuth, TokenRefusedError, tokenFor } from "./slack/auth.js";
import type { ComponentReadiness, Readiness } from "./slack/health.js";
import { SingleWorkspaceIdentity } from "./slack/identity.js";
import { databaseInstallationStore, installedAfter } from "./slack/installation-store.js";
import { SlackNotifier } from "./slack/notifier.js";
import { slackRetryAfterMs, WebClients } from "./slack/web-clients.js";

export interface BotOptions {
  env: Env;
  db: Database;
  logger: Logger;
  /** The one clock of the bot: read at the edges (a request, a tick) and passed inward as `now`. */
  clock: () => Date;
  /** How the bot's own calls to Slack are tried again (tests shorten the waits). */
  retry?: { lookups?: RetryPolicy; identity?: RetryPolicy };
  /** How long a bot that ran before waits for auth.test at start (START_BUDGET_MS unless a test says). */
  identityWaitMs?: number;
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
  /** What GET /readyz answers. */
  readiness(): Promise<Readiness>;
  /**
   * Stops taking requests, answers those already received, and stops the jobs (waiting for runs
   * in progress) and the retries, all at once; the database stays open. Resolves to false when
   * Slack's requests were cut off at the deadline (`deadlineMs`, default STOP_DEADLINE_MS of
   * src/slack/app.ts; logged there).
   */
  stop(options?: { deadlineMs?: number }): Promise<boolean>;
}

/** Slack is not configured: the database and mandates were loaded, and this is what is missing. */
export interface NotConfigured {
  missing: string[];
}

/** A Socket Mode connection Slack refuses is the app token's fault: one line naming the variable. */
function connectionError(error: unknown, transport: "http" | "socket"): unknown {
  const code = refusedTokenCode(error);
  if (transport === "socket" && code) {
    return new TokenRefusedError("SLACK_APP_TOKEN", code, "create an app-level token with connections:write and copy it again.");
  }
  return error;
}

/** Whether the database answers within two seconds (a server that does not answer at all must not hang /readyz). */
async function databaseReadiness(db: Database): Promise<ComponentReadiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2_000);
  });
  try {
    const ready = await Promise.race([db.ping(), late]);
    return { ready, kind: db.kind, ...(ready ? {} : { detail: "the database does not answer" }) };
  } finally {
    clearTimeout(timer);
  }
}

/** /readyz's view of a single-workspace bot's identity. */
function identityReadiness(identity: SingleWorkspaceIdentity): ComponentReadiness {
  const { status } = identity;
  const common = { mode: "single", workspace: identity.identity.teamId };
  switch (status.state) {
    case "confirmed":
      return { ready: true, ...common, detail: "auth.test confirmed the bot's identity", since: status.at };
    case "remembered":
      return {
        ready: false,
        ...common,
        detail: "Slack has not answered auth.test since the bot started: serving the workspace it served before, and asking again",
        since: status.since,
        lastError: status.lastError,
      };
    case "refused":
      return { ready: false, ...common, detail: `SLACK_BOT_TOKEN was refused by Slack (${status.code})`, since: status.at };
  }
}

export async function startBot({
  env,
  db,
  logger,
  clock,
  retry,
  identityWaitMs,
  replyBudgetMs,
}: BotOptions): Promise<RunningBot | NotConfigured> {
  const services = createServices(db.store, logger);
  const connection = slackConnection(env);
  const clients = new WebClients({ apiUrl: env.SLACK_API_URL, logger });
  // The bot's own calls to Slack never hold up start or a request: they run in the background,
  // and while Slack fails they are tried again with back-off (honouring a 429's Retry-After).
  const lookupRetry = new RetryLater(logger, retry?.lookups ?? LOOKUP_RETRY, slackRetryAfterMs);
  const identityRetry = new RetryLater(logger, retry?.identity ?? IDENTITY_RETRY, slackRetryAfterMs);
  const stopRetries = () => Promise.all([identityRetry.stop(), lookupRetry.stop()]);

  // Set once the bot can talk to Slack: a workspace installed later gets its channels and rosters looked up then.
  let lookUp: (workspaceId: WorkspaceId) => void = () => undefined;
  let auth: SlackAuth | undefined;
  let identity: SingleWorkspaceIdentity | undefined;
  if (connection.mode === "single") {
    identity = await SingleWorkspaceIdentity.establish({
      clients,
      botToken: connection.botToken,
      known: () => services.workspaces.served(),
      retry: identityRetry,
      logger,
      clock,
      ...(identityWaitMs === undefined ? {} : { budgetMs: identityWaitMs }),
    });
    const { teamId, teamName } = identity.identity;
    await services.workspaces.connected({ id: teamId, name: teamName }, clock());
    auth = { kind: "single", botToken: connection.botToken, identity: identity.identity };
  } else if (connection.mode === "distributed") {
    const installed = async (workspace: { id: WorkspaceId; name: string | null }) => {
      await services.workspaces.installed(workspace, clock());
      lookUp(workspace.id);
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
  const imported = await services.importer.importPath(env.MANDATES_DIR, { now: clock(), defaultWorkspace });
  logImport(logger, env.MANDATES_DIR, imported);
  const refusedFiles = imported.flatMap((o) => (o.status === "refused" ? [{ file: o.file, problems: o.problems }] : []));

  const scheduler = new Scheduler(logger, clock);
  const planning = planDeadlinesJob(services.planner);
  scheduler.add(planning);
  await scheduler.runNow(planning);
  // Planning refreshes the statistics when it planned anything; an import may have changed rows without it.
  if (imported.some((o) => o.status === "created" || o.status === "new_version")) await db.store.refreshStatistics();

  if (!auth || connection.mode === "none") {
    await stopRetries();
    return { missing: connection.mode === "none" ? connection.missing : [] };
  }

  const notifier = new SlackNotifier(clients, tokenFor(auth));
  const lookups = createSlackServices(db.store, notifier, logger);
  const distributed = auth.kind === "distributed" ? auth : undefined;

  /** The app is gone from a workspace: marked (its committees stay), and a distributed app's installation deleted. */
  const uninstall = async (workspaceId: WorkspaceId) => {
    await services.workspaces.uninstalled(workspaceId, clock());
    await distributed?.installationStore.deleteInstallation?.({ teamId: workspaceId, enterpriseId: undefined, isEnterpriseInstall: false });
  };

  /**
   * Slack refused the token of a workspace while the bot ran (revoked, the app removed). Not
   * tried again: a distributed app marks that workspace uninstalled, as the `tokens_revoked`
   * event it may have missed would have; a single-workspace bot says which variable to fix and
   * reports it on /readyz. Either way the bot goes on serving.
   */
  const tokenRefused = async (workspaceId: WorkspaceId, code: string) => {
    if (identity) {
      identity.refused(code, clock());
      logger.error(
        { workspace: workspaceId, code },
        `SLACK_BOT_TOKEN was refused by Slack (${code}): copy the bot token of the installed app again and restart`,
      );
      return;
    }
    logger.error(
      { workspace: workspaceId, code },
      `Slack refused the app's token in workspace ${workspaceId} (${code}): marked uninstalled; it is served again once installed again at /slack/install`,
    );
    await uninstall(workspaceId);
  };

  /** Roster e-mails and channel names of one workspace, looked up in Slack. Throws (to be tried again) while Slack fails. */
  const lookUpNow = async (workspaceId: WorkspaceId) => {
    try {
      const rosters = await lookups.rosters.resolveWorkspace(workspaceId);
      logger.info(
        { workspace: workspaceId, ...rosters },
        `roster e-mails: ${rosters.resolved} found in Slack, ${rosters.notFound.length} not found`,
      );
      await lookups.channels.resolveWorkspace(workspaceId);
    } catch (error) {
      const code = refusedTokenCode(error);
      if (!code) throw error;
      await tokenRefused(workspaceId, code);
    }
  };
  lookUp = (workspaceId) => void lookupRetry.run(`Slack lookups in ${workspaceId}`, () => lookUpNow(workspaceId));

  const readiness = async (): Promise<Readiness> => {
    const served = identity ? [] : await services.workspaces.served();
    return {
      database: await databaseReadiness(db),
      slack: identity
        ? identityReadiness(identity)
        : {
            ready: true,
            mode: "distributed",
            installations: served.length,
            detail: served.length === 0 ? "no installations yet" : `installed in ${served.length} workspace(s)`,
          },
      mandates: { ready: refusedFiles.length === 0, directory: env.MANDATES_DIR, refused: refusedFiles },
    };
  };

  const listeners = { services, clock, defaultLanguage: env.DEFAULT_LANGUAGE, logger, replyBudgetMs };
  const slack = createSlackApp({
    auth,
    transport: connection.transport,
    port: env.PORT,
    clients,
    logger,
    readiness,
    listeners,
    events: {
      ...listeners,
      uninstalled: async (workspaceId, at) => {
        // Bolt delivers these events without authorising them: a single-workspace bot only
        // believes them about its own workspace.
        if (auth.kind === "single" && workspaceId !== auth.identity.teamId) {
          logger.warn({ workspace: workspaceId }, "ignored an uninstall event about another workspace");
          return;
        }
        // A retry Slack delivers after the workspace installed the app again must not undo that.
        if (at && distributed && (await installedAfter(db.store.installations, workspaceId, at))) {
          logger.warn({ workspace: workspaceId, eventTime: at }, "ignored an uninstall event from before the app was installed again");
          return;
        }
        await uninstall(workspaceId);
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
    await stopRetries();
    await scheduler.stop();
    throw connectionError(error, connection.transport.kind);
  }
  logger.info(
    { mode: auth.kind, transport: connection.transport.kind, port: port ?? env.PORT },
    connection.transport.kind === "socket"
      ? "Mandat is connected to Slack (Socket Mode)."
      : `Mandat is listening on port ${port ?? env.PORT} (POST /slack/events, GET /healthz, GET /readyz).`,
  );
  const workspaceId = auth.kind === "single" ? auth.identity.teamId : undefined;
  for (const id of workspaceId ? [workspaceId] : await services.workspaces.served()) lookUp(id);
  await scheduler.start();

  return {
    services,
    slackServices: lookups,
    mode: auth.kind,
    workspaceId,
    port,
    readiness,
    async stop(options) {
      const [answered] = await Promise.all([slack.stop(options), scheduler.stop(), stopRetries()]);
      return answered;
    },
  };
}
