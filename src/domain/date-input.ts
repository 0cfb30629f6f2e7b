import { DateTime, Info } from "luxon";
import { type CalendarDate, isYearInRange } from "./calendar-date.js";
import { LANGUAGES, LOCALE } from "./language.js";

/**
 * Dates typed after a slash command, in Danish, Norwegian Bokmål, Swedish and English.
 *
 * Accepted at the start of the text (case-insensitive, any amount of whitespace):
 *   - ISO:              2025-03-31
 *   - numeric, day first, with "." "/" or "-":  31.3.2025  31.03.2025  31/3/2025  31-3-2025
 *     and without a year: 31.3  31.3.  31/3  (a separate 4-digit year may follow: 31/3 2025)
 *   - day, month word:  31 mars 2025  31. marts 2025  31 Mar 2025  31. mar. 2025  17. mai  31st March
 *   - month word, day:  March 31 2025  March 31, 2025  December 24  March 31st
 * Years must have four digits: "31.3.25" and "31 mars 25" are refused rather than guessed.
 * A number written straight after a date is read as its year, so a title cannot start with one.
 * Without a year the date is the next such day on or after `today`.
 * A date outside the years EARLIEST_YEAR–LATEST_YEAR (1900–2200) is refused as out of range.
 */
export type DateInputResult =
  | { ok: true; date: CalendarDate; rest: string }
  | { ok: false; reason: "not_a_date" | "no_such_day" | "date_out_of_range" };

/** The month-word table: every long and short month name luxon/ICU gives for the bot's locales. */
const MONTH_WORDS: ReadonlyMap<string, number> = buildMonthWords();

function buildMonthWords(): Map<string, number> {
  // Bare languages plus the regional locales the bot formats with: en gives "sep", en-GB "sept".
  const locales = new Set<string>([...LANGUAGES, ...Object.values(LOCALE)]);
  const found = new Map<string, Set<number>>();
  const add = (word: string, month: number): void => {
    const key = normaliseWord(word);
    if (key === "") return;
    const months = found.get(key) ?? new Set<number>();
    months.add(month);
    found.set(key, months);
  };
  for (const locale of locales) {
    for (const length of ["long", "short"] as const) {
      // Stand-alone ("mars") and in-a-date ("31. mars") forms differ in some locales, e.g. nb short.
      for (const names of [Info.months(length, { locale }), Info.monthsFormat(length, { locale })]) {
        names.forEach((name, index) => {
          add(name, index + 1);
        });
      }
    }
  }
  // Added by hand: "sept" is a common short form in all four languages. The locale data has it only
  // in en-GB and only in recent CLDR releases (older ICU builds give "sep"), so it is listed explicitly.
  add("sept", 9);

  const words = new Map<string, number>();
  for (const [word, months] of found) {
    // A word that names two different months in different locales is not a month word at all.
    const [only] = months;
    if (months.size === 1 && only !== undefined) words.set(word, only);
  }
  return words;
}

/** Lower-case, composed, without one trailing "." (Danish "jan.") or "," ("March 31, 2025"). */
function normaliseWord(word: string): string {
  return word.normalize("NFC").toLowerCase().replace(/[.,]$/, "");
}

interface Token {
  text: string;
  end: number;
}

const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})(?:\2(\d*))?$/;
const ISO = /^([1-9]\d{3})-(\d{1,2})-(\d{1,2})$/;
const DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const NUMBER = /^\d+$/;
const YEAR = /^[1-9]\d{3}$/;

/** Parses a date at the START of `text`; `today` (the caller's local date) decides the year when none is written. */
export function parseDateInput(text: string, today: CalendarDate): DateInputResult {
  const start = DateTime.fromISO(today, { zone: "utc" }).startOf("day");
  if (!start.isValid) throw new RangeError(`today must be a date written YYYY-MM-DD, got "${today}"`);

  const tokens: Token[] = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], end: m.index + m[0].length }));
  // The date itself, and how many tokens it took.
  const parsed = readDate(tokens);
  if (parsed === undefined) return notADate;
  let { used } = parsed;
  let year = parsed.year;

  if (year === undefined) {
    // A number straight after a yearless date is its year: "31/3 2025", "31. marts 2025", "March 31, 2025".
    const next = tokens[used];
    const word = next === undefined ? undefined : normaliseWord(next.text);
    if (word !== undefined && NUMBER.test(word)) {
      if (!YEAR.test(word)) return notADate;
      year = Number(word);
      used += 1;
    }
  } else if (Number.isNaN(year)) {
    return notADate;
  }

  const last = tokens[used - 1];
  const rest = last === undefined ? "" : text.slice(last.end).trim();
  const { month, day } = parsed;

  if (year !== undefined) {
    const date = DateTime.fromObject({ year, month, day }, { zone: "utc" });
    if (!date.isValid) return noSuchDay;
    if (!isYearInRange(year)) return outOfRange;
    return { ok: true, date: date.toISODate() as CalendarDate, rest };
  }

  // No year: the next such day on or after today. 2024 is a leap year, so a day that does not exist
  // there (31 April, 30 February) exists in no year; 29 February recurs within eight years.
  if (!DateTime.fromObject({ year: 2024, month, day }, { zone: "utc" }).isValid) return noSuchDay;
  for (let candidateYear = start.year; candidateYear <= start.year + 8; candidateYear += 1) {
    const candidate = DateTime.fromObject({ year: candidateYear, month, day }, { zone: "utc" });
    if (candidate.isValid && candidate.toMillis() >= start.toMillis()) {
      if (!isYearInRange(candidateYear)) return outOfRange;
      return { ok: true, date: candidate.toISODate() as CalendarDate, rest };
    }
  }
  return noSuchDay;
}

const notADate = { ok: false, reason: "not_a_date" } as const;
const noSuchDay = { ok: false, reason: "no_such_day" } as const;
const outOfRange = { ok: false, reason: "date_out_of_range" } as const;

interface ReadDate {
  /** undefined: none written; NaN: written but not four digits. */
  year: number | undefined;
  month: number;
  day: number;
  used: number;
}

/** Reads the day, month and any year packed into the first one or two tokens. */
function readDate(tokens: readonly Token[]): ReadDate | undefined {
  const [first, second] = tokens.map((t) => t.text.normalize("NFC").toLowerCase());
  if (first === undefined) return undefined;

  const iso = ISO.exec(first);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), used: 1 };

  // Commas only ever follow a day or a year ("March 31, 2025"); drop one before matching numbers.
  const numeric = NUMERIC.exec(first.replace(/,$/, ""));
  if (numeric) {
    const written = numeric[4];
    const year = written === undefined || written === "" ? undefined : YEAR.test(written) ? Number(written) : NaN;
    return { year, month: Number(numeric[3]), day: Number(numeric[1]), used: 1 };
  }

  if (second === undefined) return undefined;

  // Day, then month word: "31 mars", "31. marts", "1st May".
  const dayFirst = DAY.exec(normaliseWord(first));
  const monthSecond = MONTH_WORDS.get(normaliseWord(second));
  if (dayFirst && monthSecond !== undefined && !first.endsWith(",")) {
    return { year: undefined, month: monthSecond, day: Number(dayFirst[1]), used: 2 };
  }

  // Month word, then day: "March 31", "March 31,", "december 24.".
  const monthFirst = MONTH_WORDS.get(normaliseWord(first));
  const daySecond = DAY.exec(normaliseWord(second));
  if (monthFirst !== undefined && daySecond && !first.endsWith(",")) {
    return { year: undefined, month: monthFirst, day: Number(daySecond[1]), used: 2 };
  }

  return undefined;
}
