import { z } from "zod";
import { Language } from "../domain/language.js";
import { LOG_LEVELS } from "../logging/logger.js";
import { parseKey } from "../security/secret-box.js";

/** An unset and an empty variable mean the same: not given. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const Env = z
  .object({
    PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).default(3000)),
    /** A PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, { error: "must start with postgresql://" })),
    DATA_DIR: optional(z.string()).transform((v) => v ?? "./data"),
    MANDATES_DIR: optional(z.string()).transform((v) => v ?? "./mandates"),
    /** One workspace: the bot token of that workspace. */
    SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-", { error: "must start with xoxb-" })),
    SLACK_SIGNING_SECRET: optional(z.string()),
    /** An app-level token turns on Socket Mode (no inbound port needed). */
    SLACK_APP_TOKEN: optional(z.string().startsWith("xapp-", { error: "must start with xapp-" })),
    /** A distributed app, installed to workspaces through OAuth. */
    SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, { error: "must be the app's client id, digits.digits" })),
    SLACK_CLIENT_SECRET: optional(z.string()),
    /** Signs the OAuth state (any long random string). */
    SLACK_STATE_SECRET: optional(z.string().min(16, { error: "must be at least 16 characters" })),
    /** 32 bytes (base64 or 64 hex digits) that encrypt the installations' tokens in the database. */
    TOKEN_ENCRYPTION_KEY: optional(
      z
        .string()
        .refine((v) => parseKey(v) !== undefined, { error: "must be 32 bytes in base64 or hex, e.g. from `openssl rand -base64 32`" }),
    ),
    /** Another Slack Web API base URL (a proxy, or the fake Slack of the tests). */
    SLACK_API_URL: optional(z.url({ error: "must be a URL" })),
    /** The reply language when no committee decides it. */
    DEFAULT_LANGUAGE: optional(Language).transform((v) => v ?? "en"),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS)).transform((v) => v ?? "info"),
  })
  .refine((env) => !(env.SLACK_BOT_TOKEN && env.SLACK_CLIENT_ID), {
    error: "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID with its OAuth settings (a distributed app), not both",
    path: ["SLACK_CLIENT_ID"],
  });
export type Env = z.infer<typeof Env>;

/** How Slack's requests reach the bot. */
export type SlackTransport = { kind: "http"; signingSecret: string } | { kind: "socket"; appToken: string };

export type SlackConnection =
  /** One workspace, one bot token; the workspace is learnt from the token at start. */
  | { mode: "single"; transport: SlackTransport; botToken: string }
  /** Any number of workspaces, installed through OAuth at /slack/install; tokens stored encrypted. */
  | { mode: "distributed"; transport: SlackTransport; clientId: string; clientSecret: string; stateSecret: string; encryptionKey: Buffer }
  | { mode: "none"; missing: string[] };

const TRANSPORT_MISSING = "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)";

function transportOf(env: Env): SlackTransport | undefined {
  if (env.SLACK_APP_TOKEN) return { kind: "socket", appToken: env.SLACK_APP_TOKEN };
  if (env.SLACK_SIGNING_SECRET) return { kind: "http", signingSecret: env.SLACK_SIGNING_SECRET };
  return undefined;
}

/**
 * A distributed app when SLACK_CLIENT_ID is given, else one workspace; Socket Mode when an app
 * token is given, else HTTP. Or what is missing for either.
 */
export function slackConnection(env: Env): SlackConnection {
  const transport = transportOf(env);
  if (env.SLACK_CLIENT_ID) {
    const { SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = env;
    const encryptionKey = env.TOKEN_ENCRYPTION_KEY ? parseKey(env.TOKEN_ENCRYPTION_KEY) : undefined;
    if (transport && clientSecret && stateSecret && encryptionKey) {
      return { mode: "distributed", transport, clientId: env.SLACK_CLIENT_ID, clientSecret, stateSecret, encryptionKey };
    }
    const missing = [
      ...(clientSecret ? [] : ["SLACK_CLIENT_SECRET"]),
      ...(stateSecret ? [] : ["SLACK_STATE_SECRET"]),
      ...(encryptionKey ? [] : ["TOKEN_ENCRYPTION_KEY"]),
      ...(transport ? [] : [TRANSPORT_MISSING]),
    ];
    return { mode: "none", missing };
  }
  if (env.SLACK_BOT_TOKEN && transport) return { mode: "single", transport, botToken: env.SLACK_BOT_TOKEN };
  const missing = [...(env.SLACK_BOT_TOKEN ? [] : ["SLACK_BOT_TOKEN"]), ...(transport ? [] : [TRANSPORT_MISSING])];
  return { mode: "none", missing };
}

/** Something the operator must act on, said in one line (no stack trace): the process stops with exit code 1. */
export class OperatorError extends Error {
  override name = "OperatorError";
}

/** A configuration the bot cannot run with. */
export class ConfigError extends OperatorError {
  override name = "ConfigError";
}

/** Reads the environment once; a bad value stops start-up with the variable's name and what is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`The environment is not valid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
