import { Server } from "node:http";
import { App, type AppOptions, AuthorizationError, HTTPModuleFunctions, type ReceiverProcessEventErrorHandlerArgs } from "@slack/bolt";
import type { SlackTransport } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import * as actions from "./actions/index.js";
import { appTokenRefusal, type SlackAuth } from "./auth.js";
import { boltLogger } from "./bolt-logger.js";
import * as commands from "./commands/index.js";
import * as events from "./events/index.js";
import { BOT_SCOPES, EVENTS_PATH, INSTALL_PATH, OAUTH_REDIRECT_PATH } from "./features.js";
import { healthRoutes, type Readiness } from "./health.js";
import { InFlight } from "./in-flight.js";
import type { ListenerDeps } from "./listener.js";
import { GuardedReceiver } from "./receiver.js";
import type { WebClients } from "./web-clients.js";

/**
 * How long a stop waits for the requests already received to be answered (and their replies
 * sent through response_url). With the jobs and the database after it, the process is gone
 * within the 10 s that container platforms give between SIGTERM and SIGKILL.
 */
export const STOP_DEADLINE_MS = 8000;

export interface SlackAppOptions {
  auth: SlackAuth;
  transport: SlackTransport;
  /** HTTP port: Slack's requests in HTTP mode; /healthz, /readyz (and the OAuth pages) in both modes. */
  port: number;
  clients: WebClients;
  logger: Logger;
  /** Answers GET /readyz: each component's state. */
  readiness: () => Promise<Readiness>;
  listeners: ListenerDeps;
  events: events.EventDeps;
}

export interface SlackApp {
  app: App;
  /** Starts listening; resolves to the HTTP port in HTTP mode (useful with port 0). */
  start(): Promise<number | undefined>;
  /**
   * Takes no new requests, answers those already received and lets their listeners finish
   * (within `deadlineMs`, default STOP_DEADLINE_MS), then closes. Resolves to false when the
   * deadline cut something off (logged).
   */
  stop(options?: { deadlineMs?: number }): Promise<boolean>;
}

/** Bolt's options for the way the bot authenticates: one known workspace, or OAuth installations. */
function authOptions(auth: SlackAuth, clients: WebClients, port: number, socket: boolean) {
  if (auth.kind === "single") {
    const { botToken, identity } = auth;
    // The identity was learnt once at start (auth.test); Bolt need not ask Slack again per request.
    return {
      authorize: async (source: { teamId?: string | undefined }) => {
        // Listeners scope callers by the team id the request carries, and the database may hold
        // other workspaces' committees (another bot, or an earlier distributed install): a request
        // naming another workspace gets nothing. Bolt acks it empty and reports it to app.error.
        if (source.teamId !== identity.teamId) {
          throw new Error(`a request from workspace ${source.teamId ?? "(none)"}; this bot serves ${identity.teamId}`);
        }
        return { botToken, botId: identity.botId, botUserId: identity.botUserId, teamId: identity.teamId };
      },
    } satisfies AppOptions;
  }
  return {
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    stateSecret: auth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: auth.installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      // /slack/install sends the admin straight to Slack's consent page.
      directInstall: true,
      clientOptions: clients.clientOptions,
      ...(socket ? { port } : {}),
    },
  } satisfies AppOptions;
}

/**
 * What Bolt does with an error thrown while it reads a request, before any listener (the
 * listeners' own errors go to app.error and never get here): the guard lets through only bodies
 * Bolt can read, so one that still trips it is a shape the guard misses. That is the request's
 * fault, not ours: 400, logged as an error so the guard gets fixed; never Bolt's 500.
 */
function processEventErrorHandler(logger: Logger) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (args.response.headersSent || args.error instanceof AuthorizationError) {
      return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    }
    logger.error({ err: args.error }, "Bolt could not read a request that the guard let through (answered 400)");
    args.response.writeHead(400);
    args.response.end();
    return false;
  };
}

/** The Bolt app: receiver (HTTP or Socket Mode), authentication, every listener surface, /healthz and /readyz. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { auth, transport, port, clients, logger } = options;
  const socket = transport.kind === "socket";
  const customRoutes = healthRoutes(options.readiness, logger);
  const boltLog = boltLogger(logger, "bolt");
  const authentication = authOptions(auth, clients, port, socket);
  let app: App;
  let receiver: GuardedReceiver | undefined;
  if (transport.kind === "socket") {
    app = new App({
      port,
      customRoutes,
      clientOptions: clients.clientOptions,
      logger: boltLog,
      ...authentication,
      appToken: transport.appToken,
      socketMode: true,
    });
  } else {
    // Our receiver: Bolt's, behind the guard (src/slack/request-guard.ts). It takes the OAuth
    // options when there are any; the authorize function stays with the app.
    receiver = new GuardedReceiver({
      signingSecret: transport.signingSecret,
      endpoints: EVENTS_PATH,
      port,
      customRoutes,
      logger: boltLog,
      log: logger,
      processEventErrorHandler: processEventErrorHandler(logger),
      ...("authorize" in authentication ? {} : authentication),
    });
    app = new App({
      receiver,
      clientOptions: clients.clientOptions,
      logger: boltLog,
      ...("authorize" in authentication ? authentication : {}),
    });
  }

  // Every listener's work, counted from the moment Bolt hands it the request until it is done
  // (a reply through response_url included), so a stop can wait for it.
  const work = new InFlight();
  app.use(({ next }) => work.track(next()));
  commands.register(app, options.listeners);
  actions.register(app, options.listeners);
  events.register(app, options.events);
  // The last resort: what a listener's own guard did not catch (authorization, middleware).
  app.error(async (error) => {
    logger.error({ err: error, code: (error as { code?: string }).code }, "Bolt reported an error");
  });

  let server: Server | undefined;
  return {
    app,
    async start() {
      const starting = app.start(port);
      if (transport.kind === "socket") {
        // Handled below; until then a refusal must not count as an unhandled rejection.
        starting.catch(() => undefined);
        const refusal = await appTokenRefusal(clients, transport.appToken);
        if (refusal) throw refusal;
      }
      const started = await starting;
      server = started instanceof Server ? started : undefined;
      const address = server?.address();
      return address && typeof address === "object" ? address.port : undefined;
    },
    async stop({ deadlineMs = STOP_DEADLINE_MS } = {}) {
      const deadline = AbortSignal.timeout(deadlineMs);
      const cutOff = () => {
        logger.error(
          { unanswered: receiver?.inFlight ?? 0, listenersRunning: work.size, deadlineMs },
          "stopped before every request received was answered",
        );
        server?.closeAllConnections();
      };
      deadline.addEventListener("abort", cutOff, { once: true });
      const timedOut = new Promise<void>((resolve) => deadline.addEventListener("abort", () => resolve(), { once: true }));
      try {
        if (receiver) {
          // HTTP: answer what was received (the server still listening), close the server, then
          // let the replies that go through response_url finish.
          await receiver.drain(deadline);
          const closed = app.stop();
          if (deadline.aborted) server?.closeAllConnections();
          await closed;
          await Promise.race([work.idle(), timedOut]);
        } else {
          // Socket Mode: the answers go back over the socket, so it stays open until the listeners are done.
          await Promise.race([work.idle(), timedOut]);
          await app.stop();
        }
      } finally {
        deadline.removeEventListener("abort", cutOff);
      }
      return !deadline.aborted;
    },
  };
}
