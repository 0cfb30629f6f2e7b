/**
 * Work the bot has taken on and not finished: a listener still running, say a slash command
 * whose reply goes through response_url after the HTTP answer. A stop waits for `idle()`.
 */
export class InFlight {
  private running = 0;
  private waiting: (() => void)[] = [];

  get size(): number {
    return this.running;
  }

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running += 1;
    return work.finally(() => {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.waiting.splice(0)) resolve();
    });
  }

  /** Resolves when nothing is running (at once if nothing is). */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
