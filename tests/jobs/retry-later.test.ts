import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IDENTITY_RETRY, LOOKUP_RETRY, RetryLater, retryDelay } from "../../src/jobs/retry-later.js";
import { CaptureLogger } from "../support/capture-logger.js";

/** RetryLater on the fake clock: when each attempt runs, what is logged, what stop does. */

const POLICY = { firstDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 5 };

describe("retryDelay", () => {
  it.each([
    [1, undefined, 1_000],
    [2, undefined, 2_000],
    [3, undefined, 4_000],
    [4, undefined, 5_000],
    [9, undefined, 5_000],
    // What the other side asked for (Retry-After) wins when it is longer, never when shorter.
    [1, 30_000, 30_000],
    [3, 500, 4_000],
  ])("after attempt %i (asked: %s ms): %i ms", (attempt, asked, expected) => {
    expect(retryDelay(POLICY, attempt, asked)).toBe(expected);
  });

  it("the bot's policies: lookups give up after about half an hour, the identity is asked for at most every 5 minutes", () => {
    const total = Array.from({ length: LOOKUP_RETRY.maxAttempts - 1 }, (_, i) => retryDelay(LOOKUP_RETRY, i + 1)).reduce((a, b) => a + b);
    expect(total / 60_000).toBeGreaterThan(30);
    expect(total / 60_000).toBeLessThan(40);
    expect(retryDelay(IDENTITY_RETRY, 100)).toBe(5 * 60_000);
  });
});

describe("RetryLater", () => {
  let logger: CaptureLogger;
  beforeEach(() => {
    vi.useFakeTimers();
    logger = new CaptureLogger();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A task that fails `failures` times, recording when (fake ms) each attempt ran. */
  function failing(failures: number, error: unknown = new Error("Slack is down")) {
    const ran: number[] = [];
    const task = async () => {
      ran.push(Date.now());
      if (ran.length <= failures) throw error;
    };
    return { ran, task };
  }

  it("runs at once, then after 1 s, 2 s, 4 s while it fails, and stops once it succeeds", async () => {
    const retry = new RetryLater(logger, POLICY);
    const { ran, task } = failing(3);
    const start = Date.now();
    await retry.run("lookups", task);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ran.map((t) => t - start)).toEqual([0, 1_000, 3_000, 7_000]);
    expect(logger.at("warn").map((e) => [e.fields.attempt, e.fields.retryInMs])).toEqual([
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
    ]);
    expect(logger.at("info").map((e) => e.msg)).toEqual(["lookups: succeeded on attempt 4"]);
    expect(retry.keys).toEqual([]);
  });

  it("gives up after maxAttempts, logging it as an error, and runs no more", async () => {
    const retry = new RetryLater(logger, POLICY);
    const { ran, task } = failing(Number.POSITIVE_INFINITY);
    await retry.run("lookups", task);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ran).toHaveLength(5);
    expect(logger.at("error").map((e) => e.msg)).toEqual(["lookups: failed 5 times; giving up until it is asked for again"]);
    expect(retry.keys).toEqual([]);
  });

  it("waits as long as the failure asks (Retry-After) when that is longer than the back-off", async () => {
    const limited = Object.assign(new Error("ratelimited"), { retryAfter: 30 });
    const retry = new RetryLater(logger, POLICY, (error) => ((error as { retryAfter?: number }).retryAfter ?? 0) * 1000);
    const { ran, task } = failing(1, limited);
    const start = Date.now();
    await retry.run("lookups", task);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(ran).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran.map((t) => t - start)).toEqual([0, 30_000]);
  });

  it("one run per key: asked again while an attempt runs, it waits for that one; while one waits, it runs now", async () => {
    const retry = new RetryLater(logger, POLICY);
    let release: () => void = () => undefined;
    let calls = 0;
    const slow = () =>
      new Promise<void>((resolve, reject) => {
        calls++;
        release = calls === 1 ? () => reject(new Error("down")) : resolve;
      });
    const first = retry.run("k", slow);
    const second = retry.run("k", slow);
    expect(calls).toBe(1);
    release();
    await Promise.all([first, second]);
    expect(retry.keys).toEqual(["k"]);
    // Waiting for its retry (in 1 s): asked again, it runs at once.
    const third = retry.run("k", slow);
    expect(calls).toBe(2);
    release();
    await third;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
    expect(retry.keys).toEqual([]);
  });

  it("runAfterFailure: the first attempt comes after the back-off (or what the failure asked for), not at once", async () => {
    const retry = new RetryLater(logger, POLICY, () => 3_000);
    const { ran, task } = failing(0);
    const start = Date.now();
    retry.runAfterFailure("auth.test", task, new Error("429"));
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ran.map((t) => t - start)).toEqual([3_000]);
  });

  it("stop cancels what waits: nothing runs after it", async () => {
    const retry = new RetryLater(logger, POLICY);
    const { ran, task } = failing(Number.POSITIVE_INFINITY);
    await retry.run("lookups", task);
    await retry.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ran).toHaveLength(1);
    await retry.run("other", task);
    expect(ran).toHaveLength(1);
  });
});
