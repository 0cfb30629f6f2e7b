import type { Logger, LogLevel } from "../../src/logging/logger.js";

/** One line the code under test logged: its level, its fields (child bindings included), its message. */
export interface LogEntry {
  level: LogLevel;
  fields: Record<string, unknown>;
  msg: string;
  /** The message, then the message of the error in `err` if any: what an operator reads. */
  text: string;
}

const ORDER: Record<string, number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Number.POSITIVE_INFINITY };

/** A Logger (the app's own interface) that keeps what it is given, so a test can read the log. */
export class CaptureLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Record<string, unknown> = {},
    public level: string = "debug",
  ) {}

  private write(level: LogLevel) {
    return (fields: Record<string, unknown>, msg: string) => {
      if ((ORDER[level] ?? 0) < (ORDER[this.level] ?? 0)) return;
      const err = fields.err instanceof Error ? ` ${fields.err.message}` : "";
      this.entries.push({ level, fields: { ...this.bindings, ...fields }, msg, text: `${msg}${err}` });
    };
  }

  debug = this.write("debug");
  info = this.write("info");
  warn = this.write("warn");
  error = this.write("error");

  child(bindings: Record<string, unknown>): Logger {
    return new CaptureLogger(this.entries, { ...this.bindings, ...bindings }, this.level);
  }

  /** The entries at `level`. */
  at(level: LogLevel): LogEntry[] {
    return this.entries.filter((e) => e.level === level);
  }
}
