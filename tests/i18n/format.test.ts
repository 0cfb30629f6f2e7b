import { describe, expect, it } from "vitest";
import type { Language } from "../../src/domain/language.js";
import {
  codeList,
  formatAmount,
  formatDate,
  formatDayOfYear,
  formatEventDate,
  formatInstantDay,
  formatList,
  formatMonth,
} from "../../src/i18n/format.js";

/** Digit-group separators as ICU writes them: a period (da), a comma (en), a no-break or narrow no-break space (nb, sv). */
const SPACE = "[ \\u00a0\\u202f]";

describe("formatDate", () => {
  it.each<[string, Language, string]>([
    ["2025-03-31", "da", "31. marts 2025"],
    ["2025-03-31", "nb", "31. mars 2025"],
    ["2025-03-31", "sv", "31 mars 2025"],
    ["2025-03-31", "en", "31 March 2025"],
    ["2025-01-01", "da", "1. januar 2025"],
    ["2025-01-01", "nb", "1. januar 2025"],
    ["2025-01-01", "sv", "1 januari 2025"],
    ["2025-01-01", "en", "1 January 2025"],
    ["2024-02-29", "da", "29. februar 2024"],
    ["2024-02-29", "sv", "29 februari 2024"],
    ["2024-02-29", "en", "29 February 2024"],
    ["2025-05-17", "da", "17. maj 2025"],
    ["2025-05-17", "nb", "17. mai 2025"],
    ["2025-05-17", "sv", "17 maj 2025"],
    ["2025-12-24", "da", "24. december 2025"],
    ["2025-12-24", "nb", "24. desember 2025"],
    ["2025-12-24", "sv", "24 december 2025"],
    ["2025-10-26", "en", "26 October 2025"], // a DST switch day is just a day
    ["2025-03-30", "da", "30. marts 2025"],
  ])("%s in %s → %s", (date, language, text) => {
    expect(formatDate(date, language)).toBe(text);
  });
});

describe("formatDayOfYear", () => {
  it.each<[string, Language, string]>([
    ["2025-06-30", "da", "30. juni"],
    ["2025-06-30", "nb", "30. juni"],
    ["2025-06-30", "sv", "30 juni"],
    ["2025-06-30", "en", "30 June"],
    ["2025-12-31", "da", "31. december"],
    ["2025-12-31", "nb", "31. desember"],
    ["2025-12-31", "sv", "31 december"],
    ["2025-12-31", "en", "31 December"],
    ["2024-02-29", "en", "29 February"],
    ["2025-03-01", "sv", "1 mars"],
  ])("%s in %s → %s", (date, language, text) => {
    expect(formatDayOfYear(date, language)).toBe(text);
  });

  it.each<Language>(["da", "nb", "sv", "en"])("%s: the same day of any year reads the same, without the year", (language) => {
    expect(formatDayOfYear("2025-06-30", language)).toBe(formatDayOfYear("2031-06-30", language));
    expect(formatDayOfYear("2025-06-30", language)).not.toMatch(/2025/);
  });
});

describe("formatInstantDay", () => {
  it.each<[string, string, Language, string]>([
    ["2025-03-30T21:59:59Z", "Europe/Copenhagen", "da", "30. marts 2025"], // 23:59:59 CEST
    ["2025-03-30T22:00:00Z", "Europe/Copenhagen", "da", "31. marts 2025"],
    ["2025-03-30T22:00:00Z", "UTC", "en", "30 March 2025"],
    ["2025-03-30T22:00:00Z", "Europe/Stockholm", "sv", "31 mars 2025"],
    ["2025-10-26T22:59:59Z", "Europe/Oslo", "nb", "26. oktober 2025"], // 23:59:59 CET on the 25-hour day
    ["2025-10-26T23:00:00Z", "Europe/Oslo", "nb", "27. oktober 2025"],
    ["2025-03-31T11:00:00Z", "Pacific/Auckland", "en", "1 April 2025"],
  ])("%s in %s, %s → %s", (instant, zone, language, text) => {
    expect(formatInstantDay(new Date(instant), zone, language)).toBe(text);
  });
});

describe("formatAmount", () => {
  it.each<[number, string, Language, RegExp]>([
    [51_500_000, "NOK", "da", /^51\.500\.000 NOK$/],
    [51_500_000, "NOK", "nb", new RegExp(`^51${SPACE}500${SPACE}000 NOK$`)],
    [51_500_000, "NOK", "sv", new RegExp(`^51${SPACE}500${SPACE}000 NOK$`)],
    [51_500_000, "NOK", "en", /^51,500,000 NOK$/],
    [1_000_000_000, "DKK", "da", /^1\.000\.000\.000 DKK$/],
    [1_000_000_000, "SEK", "sv", new RegExp(`^1${SPACE}000${SPACE}000${SPACE}000 SEK$`)],
    [15_750_000, "SEK", "sv", new RegExp(`^15${SPACE}750${SPACE}000 SEK$`)],
    [1000, "DKK", "da", /^1\.000 DKK$/],
    [1000, "NOK", "nb", new RegExp(`^1${SPACE}000 NOK$`)],
    [1000, "EUR", "en", /^1,000 EUR$/],
    [999, "DKK", "da", /^999 DKK$/],
    [0, "NOK", "nb", /^0 NOK$/],
    [1234.5, "DKK", "da", /^1\.234,5 DKK$/],
    [1234.567, "NOK", "nb", new RegExp(`^1${SPACE}234,57 NOK$`)],
    [1234.567, "EUR", "en", /^1,234\.57 EUR$/],
    [0.5, "SEK", "sv", /^0,5 SEK$/],
  ])("%d %s in %s", (amount, currency, language, pattern) => {
    expect(formatAmount(amount, currency, language)).toMatch(pattern);
  });

  it.each<Language>(["da", "nb", "sv", "en"])("%s keeps every digit of a large amount in order", (language) => {
    expect(formatAmount(1_234_567_890, "DKK", language).replace(/\D/g, "")).toBe("1234567890");
  });
});

describe("codeList", () => {
  it.each<[Parameters<typeof codeList>[0], string]>([
    [["gms-2022", "gms-2024"], "`gms-2022`, `gms-2024`"],
    [["norprem"], "`norprem`"],
    [[], ""],
  ])("%j → %j", (value, text) => {
    expect(codeList(value)).toBe(text);
  });
});

describe("formatMonth", () => {
  it.each<[string, Language, string]>([
    ["2024-03", "da", "marts 2024"],
    ["2024-03", "nb", "mars 2024"],
    ["2024-03", "sv", "mars 2024"],
    ["2024-03", "en", "March 2024"],
    ["2016-12", "da", "december 2016"],
    ["2016-12", "nb", "desember 2016"],
    ["2016-12", "sv", "december 2016"],
    ["2016-12", "en", "December 2016"],
    ["2025-05", "da", "maj 2025"],
    ["2025-05", "nb", "mai 2025"],
    ["2025-01", "sv", "januari 2025"],
  ])("%s in %s → %s", (month, language, text) => {
    expect(formatMonth(month, language)).toBe(text);
  });

  it.each([["2024-13"], ["2024-00"], ["2024"], ["March 2024"]])("shows %j as written: it is no month", (text) => {
    expect(formatMonth(text, "en")).toBe(text);
  });
});

describe("formatEventDate: as precise as the source", () => {
  it.each<[string, Language, string]>([
    ["2024-03-18", "da", "18. marts 2024"],
    ["2024-03-18", "nb", "18. mars 2024"],
    ["2024-03-18", "sv", "18 mars 2024"],
    ["2024-03-18", "en", "18 March 2024"],
    ["2024-03", "da", "marts 2024"],
    ["2024-03", "nb", "mars 2024"],
    ["2024-03", "sv", "mars 2024"],
    ["2024-03", "en", "March 2024"],
    ["2021", "da", "2021"],
    ["2021", "nb", "2021"],
    ["2021", "sv", "2021"],
    ["2021", "en", "2021"],
    ["2024-02-29", "en", "29 February 2024"],
    // The schema lets a month like 13 through; it is shown as written, never as "Invalid DateTime".
    ["2024-13", "en", "2024-13"],
    ["2023-02-29", "en", "2023-02-29"],
  ])("%s in %s → %s", (date, language, text) => {
    expect(formatEventDate(date, language)).toBe(text);
  });
});

describe("formatList", () => {
  it.each<[string[], Language, string]>([
    [["Socialstyrelsen", "Regeringskansliet (Socialdepartementet)"], "sv", "Socialstyrelsen och Regeringskansliet (Socialdepartementet)"],
    [
      ["Interregionalt fagdirektørmøte", "Regionale fagdirektørmøter"],
      "nb",
      "Interregionalt fagdirektørmøte og Regionale fagdirektørmøter",
    ],
    [["A", "B", "C"], "da", "A, B og C"],
    [["A", "B", "C"], "nb", "A, B og C"],
    [["A", "B", "C"], "sv", "A, B och C"],
    [["A", "B", "C"], "en", "A, B and C"],
    [["Direktionen"], "da", "Direktionen"],
    [[], "en", ""],
  ])("%j in %s → %j", (items, language, text) => {
    expect(formatList(items, language)).toBe(text);
  });
});
