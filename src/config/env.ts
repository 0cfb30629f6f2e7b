import { z } from "zod";
import { Language } from "../domain/language.js";

/** An unset and an empty variable mean the same: not given. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const Env = z.object({
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).default(3000)),
  /** A PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, { error: "must start with postgresql://" })),
  DATA_DIR: optional(z.string()).transform((v) => v ?? "./data"),
  MANDATES_DIR: optional(z.string()).transform((v) => v ?? "./mandates"),
  SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-", { error: "must start with xoxb-" })),
  SLACK_SIGNING_SECRET: optional(z.string()),
  /** An app-level token turns on Socket Mode (no inbound port needed). */
  SLACK_APP_TOKEN: optional(z.string().startsWith("xapp-", { error: "must start with xapp-" })),
  /** Another Slack Web API base URL (a proxy, or the fake Slack of the tests). */
  SLACK_API_URL: optional(z.url({ error: "must be a URL" })),
  /** The reply language when no committee decides it. */
  DEFAULT_LANGUAGE: optional(Language).transform((v) => v ?? "en"),
  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error"])).transform((v) => v ?? "info"),
});
export type Env = z.infer<typeof Env>;

export type SlackConnection =
  | { mode: "socket"; botToken: string; appToken: string }
  | { mode: "http"; botToken: string; signingSecret: string }
  | { mode: "none"; missing: string[] };

/** Socket Mode when an app token is given, else HTTP; or what is missing for either. */
export function slackConnection(env: Env): SlackConnection {
  if (env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN) return { mode: "socket", botToken: env.SLACK_BOT_TOKEN, appToken: env.SLACK_APP_TOKEN };
  if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET)
    return { mode: "http", botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET };
  const missing = [
    ...(env.SLACK_BOT_TOKEN ? [] : ["SLACK_BOT_TOKEN"]),
    ...(env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN ? [] : ["SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)"]),
  ];
  return { mode: "none", missing };
}

/** Reads the environment once; a bad value stops start-up with the variable's name and what is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`The environment is not valid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
