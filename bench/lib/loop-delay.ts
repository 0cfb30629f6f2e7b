// How long this process's event loop was kept from running its timers (perf_hooks), e.g. while
// the bot in it serves a command: a delay past 2.5 s means the response_url fallback cannot fire.
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";

/** How often the loop is sampled; Node's histogram holds whole intervals, so this is subtracted. */
const RESOLUTION_MS = 5;

export interface LoopDelay {
  /** The longest delay, ms. */
  max: number;
  p99: number;
}

export class LoopDelayMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

  constructor() {
    this.histogram.enable();
  }

  /** Starts a new measurement. */
  reset(): void {
    this.histogram.reset();
  }

  /** The delays since the last reset. */
  read(): LoopDelay {
    const delay = (ns: number) => (this.histogram.count === 0 ? 0 : Math.max(0, ns / 1e6 - RESOLUTION_MS));
    return { max: delay(this.histogram.max), p99: delay(this.histogram.percentile(99)) };
  }

  stop(): void {
    this.histogram.disable();
  }
}
