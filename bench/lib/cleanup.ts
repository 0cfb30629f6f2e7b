// What a benchmark run must undo however it ends (a failure, Ctrl-C): processes it spawned,
// databases it created, scratch directories.

type Step = () => Promise<unknown>;

export class Cleanup {
  private readonly steps: Step[] = [];

  /** Registers `step`; the function returned runs it now (at most once) and forgets it. */
  defer(step: Step): () => Promise<void> {
    this.steps.push(step);
    return async () => {
      const at = this.steps.indexOf(step);
      if (at < 0) return;
      this.steps.splice(at, 1);
      await step();
    };
  }

  /** Runs every registered step, the last registered first; a failing step is reported, not fatal. */
  async all(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      await step().catch((error: unknown) => console.error("cleanup:", error instanceof Error ? error.message : error));
    }
  }
}
