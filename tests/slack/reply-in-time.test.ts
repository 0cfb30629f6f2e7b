import { describe, expect, it } from "vitest";
import { REPLY_BUDGET_MS, withinBudget } from "../../src/slack/reply-in-time.js";

const settleAfter = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("withinBudget", () => {
  it("leaves room inside Slack's 3 seconds", () => {
    expect(REPLY_BUDGET_MS).toBeGreaterThan(0);
    expect(REPLY_BUDGET_MS).toBeLessThan(3000);
  });

  it("gives a fast result in time", async () => {
    const timed = await withinBudget(settleAfter(5, "reply"), 200);
    expect(timed).toEqual({ inTime: true, value: "reply" });
  });

  it("a budget of 0 is always late, even for a result already there (tests send every reply through response_url)", async () => {
    const timed = await withinBudget(Promise.resolve("reply"), 0);
    expect(timed.inTime).toBe(false);
    if (timed.inTime) throw new Error("unreachable");
    await expect(timed.later).resolves.toBe("reply");
  });

  it("gives an already settled result in time", async () => {
    expect(await withinBudget(Promise.resolve(42))).toEqual({ inTime: true, value: 42 });
  });

  it("gives up on a slow one at the budget, and `later` resolves to its value", async () => {
    const started = performance.now();
    const timed = await withinBudget(settleAfter(200, "late reply"), 50);
    const waited = performance.now() - started;
    expect(timed.inTime).toBe(false);
    expect(waited).toBeGreaterThanOrEqual(45);
    if (timed.inTime) throw new Error("unreachable");
    await expect(timed.later).resolves.toBe("late reply");
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("passes a fast failure on as a rejection", async () => {
    await expect(withinBudget(Promise.reject(new Error("boom")), 50)).rejects.toThrow("boom");
  });

  it("passes a slow failure on through `later`", async () => {
    const slow = settleAfter(100, undefined).then(() => {
      throw new Error("late boom");
    });
    const timed = await withinBudget(slow, 20);
    if (timed.inTime) throw new Error("expected the budget to run out");
    await expect(timed.later).rejects.toThrow("late boom");
  });
});
