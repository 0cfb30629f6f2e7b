import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../logging/logger.js";

const LEVELS: Record<string, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

/**
 * Bolt, its Web API client, its OAuth installer and its Socket Mode client log through this,
 * so their lines are our JSON lines, at our LOG_LEVEL. Their messages come as loose arguments;
 * an Error among them goes to `err` so its stack is kept.
 */
export function boltLogger(logger: Logger, name = "slack"): BoltLogger {
  let child = logger.child({ source: name });
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const message = args
        .filter((a) => a !== error)
        .map((a) => (typeof a === "string" ? a : JSON.stringify(a)))
        .join(" ");
      child[level](error ? { err: error } : {}, message || error?.message || "");
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // LOG_LEVEL decides for the whole process; a library asking for another level is ignored.
    setLevel() {},
    getLevel: () => LEVELS[logger.level] ?? LogLevel.INFO,
    setName(newName: string) {
      child = logger.child({ source: newName });
    },
  };
}
