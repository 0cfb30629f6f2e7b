import { addDays, type CalendarDate, dayNumber, fromDayNumber } from "./calendar-date.js";
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
  // Plain day arithmetic (no luxon): lists of deadlines ask for these thousands of times.
  const jan1 = dayNumber(`${String(year).padStart(4, "0")}-01-01` as CalendarDate);
  if (12 % times === 0) {
    const months = 12 / times;
    // The last day of month months·(i+1): the day before the first of the month after it.
    return Array.from({ length: times }, (_, i) => addDays(firstOfMonth(year, months * (i + 1)), -1));
  }
  const days = dayNumber(`${String(year + 1).padStart(4, "0")}-01-01` as CalendarDate) - jan1;
  return Array.from({ length: times }, (_, i) => fromDayNumber(jan1 + Math.round(((i + 1) * days) / times) - 1));
}

/** The first day of the month `monthsOn` months after January of `year` (12: next January). */
function firstOfMonth(year: number, monthsOn: number): CalendarDate {
  const y = year + Math.floor(monthsOn / 12);
  const m = (monthsOn % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01` as CalendarDate;
}

/**
 * Due days by year, each year worked out once: for the many rows of one reply. A cache local to
 * its caller (made per reply), not to the module.
 */
export type DueDatesOfYear = (obligation: Obligation, year: number) => CalendarDate[];

export function cachedDueDates(): DueDatesOfYear {
  const cache = new Map<Obligation, Map<number, CalendarDate[]>>();
  return (obligation, year) => {
    const years = cache.get(obligation) ?? new Map<number, CalendarDate[]>();
    cache.set(obligation, years);
    const dates = years.get(year) ?? dueDatesInYear(obligation, year);
    years.set(year, dates);
    return dates;
  };
}

/** When the obligation applies: its own from/until, else the mandate's validity. */
export function obligationPeriod(obligation: Obligation, mandate: Pick<Mandate, "valid">): { from: CalendarDate; until?: CalendarDate } {
  const until = obligation.until ?? mandate.valid.until;
  return { from: obligation.from ?? mandate.valid.from, ...(until ? { until } : {}) };
}

/** Every due date of the obligation inside `window` and inside the period it applies. */
export function obligationDueDates(
  obligation: Obligation,
  mandate: Pick<Mandate, "valid">,
  window: DateWindow,
  dueDatesOf: DueDatesOfYear = dueDatesInYear,
): CalendarDate[] {
  const period = obligationPeriod(obligation, mandate);
  const from = period.from > window.from ? period.from : window.from;
  const to = period.until && period.until < window.to ? period.until : window.to;
  if (from > to) return [];
  const dates: CalendarDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const date of dueDatesOf(obligation, year)) if (date >= from && date <= to) dates.push(date);
  }
  return dates;
}

/** The next due date after `date`, if the obligation still applies then. */
export function nextDueDate(
  obligation: Obligation,
  mandate: Pick<Mandate, "valid">,
  date: CalendarDate,
  dueDatesOf: DueDatesOfYear = dueDatesInYear,
): CalendarDate | undefined {
  const period = obligationPeriod(obligation, mandate);
  const from = addDays(date, 1);
  const start = period.from > from ? period.from : from;
  const to = addDays(from, 2 * 366);
  // Year by year, stopping at the first date found: the next one is usually days away.
  for (let year = Number(start.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const due of dueDatesOf(obligation, year)) {
      if (due >= start && due <= to && (!period.until || due <= period.until)) return due;
    }
  }
  return undefined;
}
