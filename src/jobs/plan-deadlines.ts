import type { DeadlinePlanner } from "../services/deadline-planner.js";
import type { Job } from "./scheduler.js";

/** Every night, the deadlines a mandate implies are planned PLANNING_HORIZON_DAYS ahead. */
export function planDeadlinesJob(planner: DeadlinePlanner): Job {
  return {
    name: "plan-deadlines",
    // 02:17 UTC: before the working day in every Nordic zone, off the round hour other jobs take.
    schedule: "17 2 * * *",
    run: ({ now }) => planner.planDeadlines({ now }),
  };
}
