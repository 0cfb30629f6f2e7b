import { DateTime } from "luxon";
import { addDays, type CalendarDate } from "./calendar-date.js";
import type { Mandate, Obligation } from "./mandate.js";

export interface DateWindow {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * The due days of an obligation in `year`. Explicit MM-DD days win; otherwise `at_least` times
 * a year are spread evenly: at the end of each month-aligned period when the count divides
 * twelve (twice a year → 30 June and 31 December; four times → quarter ends), else at the
 * end of equal day spans.
 */
export function dueDatesInYear(obligation: Pick<Obligation, "every" | "due">, year: number): CalendarDate[] {
  if (obligation.due) return [...obligation.due].sort().map((md) => `${year}-${md}` as CalendarDate);
  const times = obligation.every.at_least;
  const jan1 = DateTime.utc(year, 1, 1);
  if (12 % times === 0) {
    const months = 12 / times;
    return Array.from(
      { length: times },
      (_, i) =>
        jan1
          .plus({ months: months * (i + 1) })
          .minus({ days: 1 })
          .toISODate() as CalendarDate,
    );
  }
  const days = jan1.plus({ years: 1 }).diff(jan1, "days").days;
  return Array.from({ length: times }, (_, i) => jan1.plus({ days: Math.round(((i + 1) * days) / times) - 1 }).toISODate() as CalendarDate);
}

/** When the obligation applies: its own from/until, else the mandate's validity. */
export function obligationPeriod(obligation: Obligation, mandate: Pick<Mandate, "valid">): { from: CalendarDate; until?: CalendarDate } {
  const until = obligation.until ?? mandate.valid.until;
  return { from: obligation.from ?? mandate.valid.from, ...(until ? { until } : {}) };
}

/** Every due date of the obligation inside `window` and inside the period it applies. */
export function obligationDueDates(obligation: Obligation, mandate: Pick<Mandate, "valid">, window: DateWindow): CalendarDate[] {
  const period = obligationPeriod(obligation, mandate);
  const from = period.from > window.from ? period.from : window.from;
  const to = period.until && period.until < window.to ? period.until : window.to;
  if (from > to) return [];
  const dates: CalendarDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const date of dueDatesInYear(obligation, year)) if (date >= from && date <= to) dates.push(date);
  }
  return dates;
}

/** The next due date after `date`, if the obligation still applies then. */
export function nextDueDate(obligation: Obligation, mandate: Pick<Mandate, "valid">, date: CalendarDate): CalendarDate | undefined {
  const from = addDays(date, 1);
  return obligationDueDates(obligation, mandate, { from, to: addDays(from, 2 * 366) })[0];
}
