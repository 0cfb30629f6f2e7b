import { dateInZone } from "../domain/calendar-date.js";
import { planDeadlineRows, planningHorizon, planningWindow } from "../domain/deadline.js";
import type { Logger } from "../logging/logger.js";
import type { Store, TransactionRepositories } from "./ports.js";

export interface PlanningReport {
  /** Committees whose plan was extended or corrected. */
  planned: number;
  /** Committees already planned far enough. */
  upToDate: number;
  /** Committees whose planning failed (logged); the next run tries again. */
  failed: number;
}

/**
 * Plans one committee's deadlines inside a transaction that holds its lock: the plan is made
 * from the latest mandate version as read under that lock, so it can never bring back rows a
 * newer version removed. Recurring duties are planned from PLANNING_PAST_YEARS before today to
 * the horizon. Open rows follow the plan, rows the mandate no longer implies go (whether or not
 * the window still reaches them), done and waived rows stay; planning twice changes nothing.
 */
export async function planCommittee(
  repos: TransactionRepositories,
  committeeId: number,
  now: Date,
  options: { force: boolean },
): Promise<boolean> {
  const state = await repos.mandates.planningState(committeeId);
  if (!state) return false;
  const today = dateInZone(now, state.timeZone);
  if (!options.force && state.plannedThrough !== null && state.plannedThrough >= planningHorizon(today)) return false;
  const stored = await repos.deadlines.plannedOf(committeeId);
  const window = planningWindow(today, stored);
  await repos.deadlines.applyReconciliation(committeeId, planDeadlineRows(state.mandate, window, stored), now);
  await repos.mandates.setPlannedThrough(committeeId, window.through);
  return true;
}

/** Keeps every committee's deadline rows planned PLANNING_HORIZON_DAYS ahead of `now`. */
export class DeadlinePlanner {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  async planDeadlines({ now }: { now: Date }): Promise<PlanningReport> {
    const report: PlanningReport = { planned: 0, upToDate: 0, failed: 0 };
    for (const committee of await this.store.committees.forPlanning()) {
      const horizon = planningHorizon(dateInZone(now, committee.timeZone));
      if (committee.plannedThrough !== null && committee.plannedThrough >= horizon) {
        report.upToDate++;
        continue;
      }
      try {
        const planned = await this.store.transaction(async (repos) => {
          await repos.lockCommittee(committee.workspaceId, committee.slug);
          return planCommittee(repos, committee.id, now, { force: false });
        });
        if (planned) report.planned++;
        else report.upToDate++;
      } catch (error) {
        // One committee's trouble must not stop the others being planned.
        report.failed++;
        this.logger.error({ err: error, committee: committee.slug, workspace: committee.workspaceId }, "planning deadlines failed");
      }
    }
    if (report.planned > 0) await this.store.refreshStatistics();
    return report;
  }
}
