import type { Logger, LogLevel } from "../../src/logging/logger.js";

export interface LogEntry {
  level: LogLevel;
  fields: Record<string, unknown>;
  message: string;
}

/** A Logger that keeps what it is told, for tests that check what was logged. `child` logs into the same list. */
export interface CapturingLogger extends Logger {
  entries: LogEntry[];
  /** The entries at `level`. */
  at(level: LogLevel): LogEntry[];
}

export function capturingLogger(): CapturingLogger {
  const entries: LogEntry[] = [];
  const log = (level: LogLevel) => (fields: Record<string, unknown>, message: string) => {
    entries.push({ level, fields, message });
  };
  const logger: CapturingLogger = {
    level: "debug",
    entries,
    at: (level) => entries.filter((e) => e.level === level),
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: () => logger,
  };
  return logger;
}
