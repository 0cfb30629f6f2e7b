import type { Logger } from "../../src/logging/logger.js";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message: string;
  /** The message, then the message of the error in `err` if any: what an operator reads. */
  text: string;
}

/** A Logger that keeps every entry (children write to the same list), for tests that read the log. */
export interface CapturingLogger extends Logger {
  readonly entries: LogEntry[];
  /** The entries of one level. */
  at(level: LogEntry["level"]): LogEntry[];
}

export function capturingLogger(level: LogEntry["level"] = "info"): CapturingLogger {
  const entries: LogEntry[] = [];
  const write = (level: LogEntry["level"]) => (fields: Record<string, unknown>, message: string) => {
    const err = fields.err instanceof Error ? ` ${fields.err.message}` : "";
    entries.push({ level, fields, message, text: `${message}${err}` });
  };
  const logger: CapturingLogger = {
    // What Bolt and its Web API client ask before they log; every call is kept whatever the level.
    level,
    entries,
    at: (level) => entries.filter((e) => e.level === level),
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: () => logger,
  };
  return logger;
}
