import type { Logger } from "../logging/logger.js";

/** How often and how long to try again: the delay doubles from `firstDelayMs` up to `maxDelayMs`. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first included; then it gives up (logged) until asked again. */
  maxAttempts: number;
}

/**
 * For the bot's own calls to Slack (roster and channel lookups): 10 attempts over about 30
 * minutes (5 s, 10 s, 20 s … capped at 10 minutes), then wait for the next start, rename or install.
 */
export const LOOKUP_RETRY: RetryPolicy = { firstDelayMs: 5_000, maxDelayMs: 10 * 60_000, maxAttempts: 10 };

/**
 * For `auth.test` after a start without Slack: the bot's identity is worth asking for as long as
 * the bot runs, but no more often than every 5 minutes once Slack has been down a while.
 */
export const IDENTITY_RETRY: RetryPolicy = { firstDelayMs: 5_000, maxDelayMs: 5 * 60_000, maxAttempts: Number.POSITIVE_INFINITY };

/** The delay before attempt `attempt + 1` (attempt counts from 1), at least what Slack asked for. */
export function retryDelay(policy: RetryPolicy, attempt: number, askedMs?: number): number {
  const backOff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  return Math.max(backOff, askedMs ?? 0);
}

/** A key's run: the timer of the next attempt while it waits, the attempt while it runs. */
interface Entry {
  timer?: NodeJS.Timeout | undefined;
  running?: Promise<void> | undefined;
}

/**
 * Work the bot does on its own that must not hold anything up and must not be lost when it
 * fails: it runs at once, and while it fails it runs again later with back-off (honouring a
 * wait the other side asked for, such as Slack's Retry-After), a bounded number of times, each
 * failure and the giving up logged. One run per key at a time. `stop` cancels what waits and
 * waits for what runs.
 */
export class RetryLater {
  private readonly pending = new Map<string, Entry>();
  private stopped = false;

  constructor(
    private readonly logger: Logger,
    private readonly policy: RetryPolicy,
    /** How long the failure itself asks to wait (Slack's Retry-After), if it says. */
    private readonly askedDelayMs: (error: unknown) => number | undefined = () => undefined,
  ) {}

  /**
   * Runs `task` now (and later again while it fails); resolves once this attempt is over. Asked
   * while the key's last attempt failed and the next one waits, it runs now, counting afresh;
   * asked while an attempt runs, it waits for that one.
   */
  run(key: string, task: () => Promise<void>): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const existing = this.pending.get(key);
    if (existing?.running) return existing.running;
    clearTimeout(existing?.timer);
    const entry: Entry = {};
    this.pending.set(key, entry);
    return this.attempt(key, task, 1, entry);
  }

  /**
   * Like `run`, for work that just failed once already (that failure given as `error`): the
   * next attempt comes after the back-off, not at once.
   */
  runAfterFailure(key: string, task: () => Promise<void>, error: unknown): void {
    if (this.stopped || this.pending.has(key)) return;
    const entry: Entry = {};
    this.pending.set(key, entry);
    this.scheduleNext(key, task, 1, entry, error);
  }

  /** Keys with a run waiting or in progress. */
  get keys(): string[] {
    return [...this.pending.keys()];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const running = [...this.pending.values()].map((entry) => {
      clearTimeout(entry.timer);
      return entry.running;
    });
    await Promise.allSettled(running);
    this.pending.clear();
  }

  private attempt(key: string, task: () => Promise<void>, attempt: number, entry: Entry): Promise<void> {
    const log = this.logger.child({ retry: key, attempt });
    const running = task().then(
      () => {
        if (attempt > 1) log.info({}, `${key}: succeeded on attempt ${attempt}`);
        this.pending.delete(key);
      },
      (error: unknown) => {
        if (this.stopped) return;
        if (attempt >= this.policy.maxAttempts) {
          log.error({ err: error }, `${key}: failed ${attempt} times; giving up until it is asked for again`);
          this.pending.delete(key);
          return;
        }
        this.scheduleNext(key, task, attempt, entry, error);
      },
    );
    entry.running = running;
    return running;
  }

  /** After attempt `failed` failed with `error`: the next one, after the back-off. */
  private scheduleNext(key: string, task: () => Promise<void>, failed: number, entry: Entry, error: unknown): void {
    const delayMs = retryDelay(this.policy, failed, this.askedDelayMs(error));
    this.logger
      .child({ retry: key, attempt: failed })
      .warn({ err: error, retryInMs: delayMs }, `${key}: failed; trying again in ${Math.round(delayMs / 1000)} s`);
    entry.running = undefined;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.attempt(key, task, failed + 1, entry);
    }, delayMs);
    // A retry waiting must not keep the process alive on its own.
    entry.timer.unref();
  }
}
