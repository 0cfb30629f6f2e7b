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
