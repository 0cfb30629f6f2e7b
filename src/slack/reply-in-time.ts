/**
 * Slack waits 3 seconds for the HTTP answer to a slash command. A reply that is ready sooner
 * rides in that answer; one that is not is sent through response_url when it is ready.
 */
export const REPLY_BUDGET_MS = 2500;

export type Timed<T> = { inTime: true; value: T } | { inTime: false; later: Promise<T> };

/** `work` if it settles within `budgetMs`, else a promise of it for later. A budget of 0 is always late. */
export async function withinBudget<T>(work: Promise<T>, budgetMs = REPLY_BUDGET_MS): Promise<Timed<T>> {
  // The embedded database answers without yielding to timers, so a zero timer would never win.
  if (budgetMs <= 0) return { inTime: false, later: work };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), budgetMs);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), late]);
    return first === "late" ? { inTime: false, later: work } : { inTime: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
