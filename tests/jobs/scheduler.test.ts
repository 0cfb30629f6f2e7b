import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Job, Scheduler } from "../../src/jobs/scheduler.js";
import { CaptureLogger } from "../support/capture-logger.js";

/** node-cron's six-field form: every second. */
const EVERY_SECOND = "* * * * * *";
/** The machine's (fake) time: a whole second, so the first tick comes exactly 1 s after start. */
const SYSTEM_TIME = new Date("2030-05-06T07:08:09.000Z");

/** The scheduler's own clock, far from the machine's: each read is a new minute, and every read is kept. */
function testClock(): { clock: () => Date; reads: Date[] } {
  const reads: Date[] = [];
  return {
    reads,
    clock: () => {
      const now = new Date(Date.UTC(2040, 0, 1) + reads.length * 60_000);
      reads.push(now);
      return now;
    },
  };
}

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A job that records each run's `now` and how many of its runs were going at once. */
function recordingJob(body: (run: number) => Promise<unknown> = async () => "ok") {
  const record = { calls: [] as Date[], active: 0, maxActive: 0 };
  const job: Job = {
    name: "test-job",
    schedule: EVERY_SECOND,
    async run({ now }) {
      record.calls.push(now);
      record.active++;
      record.maxActive = Math.max(record.maxActive, record.active);
      try {
        return await body(record.calls.length);
      } finally {
        record.active--;
      }
    },
  };
  return { job, record };
}

function messages(logger: CaptureLogger): string[] {
  return logger.entries.map((e) => `${e.level}: ${e.msg}`);
}

describe("Scheduler", () => {
  let scheduler: Scheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  describe("on node-cron's ticks (fake timers)", () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: SYSTEM_TIME });
    });

    function start(job: Job, clock: () => Date = testClock().clock): { scheduler: Scheduler; logger: CaptureLogger } {
      const logger = new CaptureLogger();
      scheduler = new Scheduler(logger, clock);
      scheduler.add(job);
      return { scheduler, logger };
    }

    it("hands each run the `now` its tick read from the scheduler's clock, never the machine's", async () => {
      const { clock, reads } = testClock();
      const { job, record } = recordingJob();
      const { scheduler, logger } = start(job, clock);
      await scheduler.start();
      expect(record.calls).toEqual([]);

      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(1);
      expect(record.calls[0]).toBe(reads[0]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(2);
      // The first read of each tick is the run's `now`; the second times the run.
      expect(record.calls[1]).toBe(reads[2]);
      expect(record.calls.map((d) => d.toISOString())).toEqual(["2040-01-01T00:00:00.000Z", "2040-01-01T00:02:00.000Z"]);
      expect(logger.at("info")).toEqual([
        expect.objectContaining({ level: "info", msg: "job done", fields: { job: "test-job", result: "ok", ms: 60_000 } }),
        expect.objectContaining({ level: "info", msg: "job done", fields: { job: "test-job", result: "ok", ms: 60_000 } }),
      ]);
    });

    it("does not start a run while the last one is still going; the next tick after it ends runs again", async () => {
      const first = gate();
      const { job, record } = recordingJob((run) => (run === 1 ? first.promise : Promise.resolve()));
      const { scheduler } = start(job);
      await scheduler.start();
      // node-cron says so on the console, past our logger.
      vi.spyOn(console, "warn").mockImplementation(() => undefined);

      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(3000);
      expect(record.calls).toHaveLength(1);

      first.open();
      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(2);
      expect(record.maxActive).toBe(1);
    });

    it("skips `runNow` while a tick's run is in progress, and runs it once that run is over", async () => {
      const first = gate();
      const { job, record } = recordingJob((run) => (run === 1 ? first.promise : Promise.resolve()));
      const { scheduler, logger } = start(job);
      await scheduler.start();
      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(1);

      await scheduler.runNow(job);
      expect(record.calls).toHaveLength(1);
      expect(messages(logger)).toEqual(["warn: skipped: the previous run is still going"]);

      first.open();
      await vi.advanceTimersByTimeAsync(0);
      expect(record.active).toBe(0);
      await scheduler.runNow(job);
      expect(record.calls).toHaveLength(2);
      expect(record.maxActive).toBe(1);
    });

    it("`stop` waits for the run in progress, and no run starts after it", async () => {
      const first = gate();
      const { job, record } = recordingJob((run) => (run === 1 ? first.promise : Promise.resolve()));
      const { scheduler } = start(job);
      await scheduler.start();
      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(1);

      let stopped = false;
      const stopping = scheduler.stop().then(() => {
        stopped = true;
      });
      await vi.advanceTimersByTimeAsync(2000);
      expect(stopped).toBe(false);
      expect(record.active).toBe(1);

      first.open();
      await stopping;
      expect(record.active).toBe(0);

      await vi.advanceTimersByTimeAsync(5000);
      await scheduler.runNow(job);
      expect(record.calls).toHaveLength(1);
    });

    it("logs a failed run and runs the job again at the next tick", async () => {
      const failure = new Error("the database went away");
      const { job, record } = recordingJob(async (run) => {
        if (run === 1) throw failure;
        return "ok";
      });
      const { scheduler, logger } = start(job);
      await scheduler.start();

      await vi.advanceTimersByTimeAsync(1000);
      expect(logger.at("error")).toEqual([
        expect.objectContaining({ level: "error", msg: "job failed", fields: { job: "test-job", err: failure } }),
      ]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(record.calls).toHaveLength(2);
      expect(messages(logger)).toEqual(["error: job failed", "info: job done"]);
    });
  });

  it("on the real clock, a real node-cron tick runs the job with the scheduler's `now`", async () => {
    const { clock, reads } = testClock();
    const ran = gate();
    const { job, record } = recordingJob(async () => ran.open());
    scheduler = new Scheduler(new CaptureLogger(), clock);
    scheduler.add(job);
    await scheduler.start();
    await ran.promise;
    await scheduler.stop();
    expect(record.calls).toHaveLength(1);
    expect(record.calls[0]).toBe(reads[0]);
  });
});
