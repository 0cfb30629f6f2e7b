import { DateTime } from "luxon";
import { z } from "zod";

/**
 * A calendar date (YYYY-MM-DD) with no time and no zone. Deadlines are calendar dates in the
 * committee's zone: "due 31 March" means until the end of that local day.
 */
export const CalendarDate = z.iso.date({ error: "must be a date written YYYY-MM-DD, e.g. 2025-03-31" });
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * The years a date a person writes may fall in: mandate files, `/frist … new <date>`, the CLI's
 * `--now`. Funding years had these bounds already. "0001-01-01" and "9999-12-31" are typos or
 * probes, not mandates, and a duty "since 0001" would be planned over two thousand years.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** A calendar date written by a person: YYYY-MM-DD, a day that exists, in EARLIEST_YEAR–LATEST_YEAR. */
export const WrittenDate = z.iso
  .date({ error: "must be a date written YYYY-MM-DD, e.g. 2025-03-31", abort: true })
  .refine((date) => isYearInRange(yearOf(date)), {
    error: `must be a date in the years ${EARLIEST_YEAR}–${LATEST_YEAR}`,
  });

/** The calendar date an instant falls on in a zone. */
export function dateInZone(instant: Date, zone: string): CalendarDate {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.toISODate() as CalendarDate;
}

const DAY_MS = 86_400_000;

/**
 * Day number of a calendar date (days since 1970-01-01), by plain arithmetic: deadlines lists
 * compute thousands of these per reply, where luxon's parsing would cost tens of milliseconds.
 */
export function dayNumber(date: CalendarDate): number {
  const at = new Date(0);
  at.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(at.getTime() / DAY_MS);
}

/** The calendar date of a day number; the inverse of dayNumber. */
export function fromDayNumber(day: number): CalendarDate {
  const at = new Date(day * DAY_MS);
  const year = String(at.getUTCFullYear()).padStart(4, "0");
  const month = String(at.getUTCMonth() + 1).padStart(2, "0");
  const dayOfMonth = String(at.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${dayOfMonth}` as CalendarDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). DST never shifts the count. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day `years` later (earlier when negative); 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ years }).toISODate() as CalendarDate;
}

/** The first instant after the local day `date` in `zone`: when a deadline on that date passes. */
export function endOfLocalDay(date: CalendarDate, zone: string): Date {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf("day").toJSDate();
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}
