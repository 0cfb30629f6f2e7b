import { createTask, type ScheduledTask } from "node-cron";
import type { Logger } from "../logging/logger.js";

/** A job: when it runs (cron, in UTC) and the one service call it makes with `now`. */
export interface Job {
  name: string;
  /** A cron expression (minute hour day month weekday), read in UTC. */
  schedule: string;
  run(input: { now: Date }): Promise<unknown>;
}

/**
 * node-cron ticks that hold no logic: each tick reads the clock once and hands `now` to its
 * job. A job never overlaps itself (a tick that comes while the last run is still going is
 * skipped); `stop` stops the ticks and waits for runs in progress, so SIGTERM never cuts a run
 * in half. Several replicas may tick at once: jobs are safe to run twice (they take the
 * database's locks and keys), so there is no leader election.
 */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  /** Runs in progress, by job name: a job never overlaps itself, whether ticked or run now. */
  private readonly running = new Map<string, Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  add(job: Job): void {
    const log = this.logger.child({ job: job.name });
    const task = createTask(job.schedule, () => this.runOnce(job, log), {
      name: job.name,
      noOverlap: true,
      timezone: "UTC",
      // node-cron's own warnings (a missed or overlapping tick) in our log, not on the console.
      logger: {
        debug: (message) => log.debug({}, String(message)),
        info: (message) => log.info({}, message),
        warn: (message) => log.warn({}, message),
        error: (message, err) => log.error({ err: err ?? message }, String(message)),
      },
    });
    this.tasks.push(task);
  }

  /** Runs a job now, outside its schedule (at start), under the same no-overlap and stop rules. */
  runNow(job: Job): Promise<void> {
    return this.runOnce(job, this.logger.child({ job: job.name }));
  }

  async start(): Promise<void> {
    for (const task of this.tasks) await task.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const task of this.tasks) await task.stop();
    await Promise.allSettled([...this.running.values()]);
  }

  private async runOnce(job: Job, log: Logger): Promise<void> {
    if (this.stopped) return;
    if (this.running.has(job.name)) {
      log.warn({}, "skipped: the previous run is still going");
      return;
    }
    const now = this.clock();
    const run = job.run({ now });
    this.running.set(job.name, run);
    try {
      const result = await run;
      log.info({ result, ms: this.clock().getTime() - now.getTime() }, "job done");
    } catch (error) {
      // A failed run is logged and tried again at the next tick; it must not stop the others.
      log.error({ err: error }, "job failed");
    } finally {
      this.running.delete(job.name);
    }
  }
}
