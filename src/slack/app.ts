import { Server } from "node:http";
import { App, type AppOptions } from "@slack/bolt";
import type { SlackTransport } from "../config/env.js";
import type { Logger } from "../logging/logger.js";
import * as actions from "./actions/index.js";
import { appTokenRefusal, type SlackAuth } from "./auth.js";
import { boltLogger } from "./bolt-logger.js";
import * as commands from "./commands/index.js";
import * as events from "./events/index.js";
import { BOT_SCOPES, EVENTS_PATH, INSTALL_PATH, OAUTH_REDIRECT_PATH } from "./features.js";
import { healthRoutes, type Readiness } from "./health.js";
import type { ListenerDeps } from "./listener.js";
import type { WebClients } from "./web-clients.js";

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
  stop(): Promise<void>;
}

/** Bolt's options for the way the bot authenticates: one known workspace, or OAuth installations. */
function authOptions(auth: SlackAuth, clients: WebClients, port: number, socket: boolean): AppOptions {
  if (auth.kind === "single") {
    const { botToken, identity } = auth;
    // The identity was learnt once at start (auth.test); Bolt need not ask Slack again per request.
    return {
      authorize: async (source) => {
        // Listeners scope callers by the team id the request carries, and the database may hold
        // other workspaces' committees (another bot, or an earlier distributed install): a request
        // naming another workspace gets nothing. Bolt acks it empty and reports it to app.error.
        if (source.teamId !== identity.teamId) {
          throw new Error(`a request from workspace ${source.teamId ?? "(none)"}; this bot serves ${identity.teamId}`);
        }
        return { botToken, botId: identity.botId, botUserId: identity.botUserId, teamId: identity.teamId };
      },
    };
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
  };
}

/** The Bolt app: receiver (HTTP or Socket Mode), authentication, every listener surface, /healthz and /readyz. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { auth, transport, port, clients, logger } = options;
  const socket = transport.kind === "socket";
  const common: AppOptions = {
    port,
    customRoutes: healthRoutes(options.readiness, logger),
    clientOptions: clients.clientOptions,
    logger: boltLogger(logger, "bolt"),
    ...authOptions(auth, clients, port, socket),
  };
  const app = socket
    ? new App({ ...common, appToken: transport.appToken, socketMode: true })
    : new App({ ...common, signingSecret: transport.signingSecret, endpoints: EVENTS_PATH });

  commands.register(app, options.listeners);
  actions.register(app, options.listeners);
  events.register(app, options.events);
  // The last resort: what a listener's own guard did not catch (authorization, middleware).
  app.error(async (error) => {
    logger.error({ err: error, code: (error as { code?: string }).code }, "Bolt reported an error");
  });

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
      const server = await starting;
      const address = server instanceof Server ? server.address() : null;
      return address && typeof address === "object" ? address.port : undefined;
    },
    async stop() {
      await app.stop();
    },
  };
}
