import { pino } from "pino";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type LogFn = (fields: Record<string, unknown>, message: string) => void;

/**
 * The one logger, passed to everything that logs: structured fields first, then a message. An
 * error goes in `err` (pino prints its stack). Implemented by pino; tests pass their own.
 */
export interface Logger {
  level: string;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * JSON lines on `destination` (stdout for the bot, stderr for the CLI so its output stays the
 * reply), at LOG_LEVEL. Log collectors read them as they are; for a terminal, pipe through
 * `npx pino-pretty`.
 */
export function createLogger(options: { level: LogLevel; destination?: 1 | 2; name?: string }): Logger {
  return pino(
    { level: options.level, base: { name: options.name ?? "mandat" } },
    pino.destination({ fd: options.destination ?? 1, sync: true }),
  );
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
