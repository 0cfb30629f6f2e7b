import { DateTime } from "luxon";
import type { CalendarDate } from "../domain/calendar-date.js";
import { type Language, LOCALE } from "../domain/language.js";

/** "31 March 2025", "31. marts 2025", "31. mars 2025", "31 mars 2025". */
export function formatDate(date: CalendarDate, language: Language): string {
  return DateTime.fromISO(date, { zone: "utc" }).setLocale(LOCALE[language]).toLocaleString(DateTime.DATE_FULL);
}

/** The local day of an instant in `zone`, formatted like formatDate. */
export function formatInstantDay(instant: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(LOCALE[language]).toLocaleString(DateTime.DATE_FULL);
}

/** "51 500 000 NOK" with the language's digit grouping. */
export function formatAmount(amount: number, currency: string, language: Language): string {
  return `${new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
}

/** Committee slugs and the like as a list of code spans. */
export function codeList(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(", ");
}

/** A day of the year without the year: "30 June", "30. juni", "30 juni". */
export function formatDayOfYear(date: CalendarDate, language: Language): string {
  return DateTime.fromISO(date, { zone: "utc" }).setLocale(LOCALE[language]).toLocaleString({ day: "numeric", month: "long" });
}

/** A month of a year, "2024-03": "March 2024", "marts 2024", "mars 2024". */
export function formatMonth(yearMonth: string, language: Language): string {
  const month = DateTime.fromFormat(yearMonth, "yyyy-MM", { zone: "utc" });
  return month.isValid ? month.setLocale(LOCALE[language]).toLocaleString({ month: "long", year: "numeric" }) : yearMonth;
}

/**
 * A history date as precise as the source gives it: a day ("18 March 2024"), a month
 * ("March 2024") or a year ("2021"). Anything else is shown as written.
 */
export function formatEventDate(date: string, language: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return DateTime.fromISO(date, { zone: "utc" }).isValid ? formatDate(date, language) : date;
  }
  if (/^\d{4}-\d{2}$/.test(date)) return formatMonth(date, language);
  return date;
}

/** Items joined as the language lists them: "A, B and C", "A, B og C", "A, B och C". */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALE[language], { style: "long", type: "conjunction" }).format(items);
}

/** Version numbers as runs: [1, 2, 3, 5] → "1–3, 5". */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return runs.join(", ");
}
