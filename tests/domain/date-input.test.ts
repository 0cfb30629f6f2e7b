import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDateInput } from "../../src/domain/date-input.js";

/** A day in the middle of March 2025, for cases where the year is written or does not matter. */
const TODAY = "2025-03-15";

describe("parseDateInput: written dates", () => {
  it.each([
    // ISO
    ["2025-03-31", "2025-03-31"],
    ["2024-02-29", "2024-02-29"],
    // numeric, day first
    ["31.3.2025", "2025-03-31"],
    ["31.03.2025", "2025-03-31"],
    ["1.1.2026", "2026-01-01"],
    ["31/3/2025", "2025-03-31"],
    ["31/03/2025", "2025-03-31"],
    ["31/3 2025", "2025-03-31"],
    ["31.3. 2025", "2025-03-31"],
    ["31-03-2025", "2025-03-31"],
    ["29.2.2024", "2024-02-29"],
    // Danish
    ["31. marts 2025", "2025-03-31"],
    ["1. maj 2025", "2025-05-01"],
    ["24. december 2025", "2025-12-24"],
    ["31. mar. 2025", "2025-03-31"],
    ["3. sept. 2025", "2025-09-03"],
    // Norwegian Bokmål
    ["31. mars 2025", "2025-03-31"],
    ["1. mai 2025", "2025-05-01"],
    ["24. desember 2025", "2025-12-24"],
    ["24. des. 2025", "2025-12-24"],
    ["17. mai 2025", "2025-05-17"],
    // Swedish
    ["31 mars 2025", "2025-03-31"],
    ["1 maj 2025", "2025-05-01"],
    ["6 juni 2025", "2025-06-06"],
    ["15 augusti 2025", "2025-08-15"],
    ["31 okt 2025", "2025-10-31"],
    // English
    ["31 March 2025", "2025-03-31"],
    ["31 Mar 2025", "2025-03-31"],
    ["March 31 2025", "2025-03-31"],
    ["March 31, 2025", "2025-03-31"],
    ["Mar. 31, 2025", "2025-03-31"],
    ["December 24 2025", "2025-12-24"],
    ["1st May 2025", "2025-05-01"],
    ["May 2nd, 2025", "2025-05-02"],
    ["marts 31st 2025", "2025-03-31"],
    // case, dots and whitespace
    ["31 MARTS 2025", "2025-03-31"],
    ["31. Mar 2025", "2025-03-31"],
    ["  31.   marts\t 2025  ", "2025-03-31"],
    ["31\u00a0mars\u00a02025", "2025-03-31"],
  ])("%j → %s", (input, date) => {
    expect(parseDateInput(input, TODAY)).toEqual({ ok: true, date, rest: "" });
  });
});

describe("parseDateInput: every month word in every language", () => {
  const words: [string, number][] = [
    ["januar", 1],
    ["januari", 1],
    ["january", 1],
    ["jan", 1],
    ["jan.", 1],
    ["februar", 2],
    ["februari", 2],
    ["february", 2],
    ["feb", 2],
    ["feb.", 2],
    ["marts", 3],
    ["mars", 3],
    ["march", 3],
    ["mar", 3],
    ["mar.", 3],
    ["april", 4],
    ["apr", 4],
    ["apr.", 4],
    ["maj", 5],
    ["mai", 5],
    ["may", 5],
    ["maj.", 5],
    ["juni", 6],
    ["june", 6],
    ["jun", 6],
    ["jun.", 6],
    ["juli", 7],
    ["july", 7],
    ["jul", 7],
    ["jul.", 7],
    ["august", 8],
    ["augusti", 8],
    ["aug", 8],
    ["aug.", 8],
    ["september", 9],
    ["sep", 9],
    ["sep.", 9],
    ["sept", 9],
    ["sept.", 9],
    ["oktober", 10],
    ["october", 10],
    ["okt", 10],
    ["okt.", 10],
    ["oct", 10],
    ["oct.", 10],
    ["november", 11],
    ["nov", 11],
    ["nov.", 11],
    ["december", 12],
    ["desember", 12],
    ["dec", 12],
    ["dec.", 12],
    ["des", 12],
    ["des.", 12],
  ];
  const cases = words.flatMap(([word, month]) => {
    const date = `2026-${String(month).padStart(2, "0")}-15`;
    const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
    return [
      [`15 ${word} 2026`, date],
      [`15. ${capitalised} 2026`, date],
      [`${capitalised} 15, 2026`, date],
    ];
  });

  it.each(cases)("%j → %s", (input, date) => {
    expect(parseDateInput(input, TODAY)).toEqual({ ok: true, date, rest: "" });
  });

  it.each(words)('yearless "15 %s" (upper-case) with today 2026-01-01', (word, month) => {
    const today = "2026-01-01";
    const date = `2026-${String(month).padStart(2, "0")}-15`;
    expect(parseDateInput(`15 ${word.toUpperCase()}`, today)).toEqual({ ok: true, date, rest: "" });
  });
});

describe("parseDateInput: no year written → the next such day on or after today", () => {
  it.each([
    // today 15 March 2025
    ["31.3", "2025-03-15", "2025-03-31"],
    ["31.3.", "2025-03-15", "2025-03-31"],
    ["31/3", "2025-03-15", "2025-03-31"],
    ["31. marts", "2025-03-15", "2025-03-31"],
    ["31 mars", "2025-03-15", "2025-03-31"],
    ["March 31", "2025-03-15", "2025-03-31"],
    ["17. mai", "2025-03-15", "2025-05-17"],
    ["6 juni", "2025-03-15", "2025-06-06"],
    ["24. desember", "2025-03-15", "2025-12-24"],
    ["24 december", "2025-03-15", "2025-12-24"],
    ["December 24", "2025-03-15", "2025-12-24"],
    // just before, on and just after today
    ["14.3", "2025-03-15", "2026-03-14"],
    ["15.3", "2025-03-15", "2025-03-15"],
    ["16.3", "2025-03-15", "2025-03-16"],
    ["15. marts", "2025-03-15", "2025-03-15"],
    ["14 March", "2025-03-15", "2026-03-14"],
    ["31.12", "2025-12-31", "2025-12-31"],
    ["1.1", "2025-12-31", "2026-01-01"],
    ["31.3", "2025-04-01", "2026-03-31"],
    // 29 February: the next one that exists
    ["29.2", "2024-01-10", "2024-02-29"],
    ["29.2", "2024-02-29", "2024-02-29"],
    ["29.2", "2024-03-01", "2028-02-29"],
    ["29.2", "2025-03-01", "2028-02-29"],
    ["29. februar", "2025-03-01", "2028-02-29"],
    ["February 29", "2027-12-31", "2028-02-29"],
    ["29.2", "2097-03-01", "2104-02-29"], // 2100 is not a leap year
  ])("%j with today %s → %s", (input, today, date) => {
    expect(parseDateInput(input, today)).toEqual({ ok: true, date, rest: "" });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("takes today from the caller, never from the clock", () => {
    vi.useFakeTimers({ now: new Date("2031-07-01T12:00:00Z") });
    expect(parseDateInput("31.3", "2025-03-15")).toEqual({ ok: true, date: "2025-03-31", rest: "" });
  });
});

describe("parseDateInput: the rest of the text", () => {
  it.each([
    ["31.3.2025 Rapport til ministeriet", "2025-03-31", "Rapport til ministeriet"],
    ["March 31 2025 Report", "2025-03-31", "Report"],
    ["March 31, 2025, Report", "2025-03-31", "Report"],
    ["31. marts Årsrapport", "2025-03-31", "Årsrapport"],
    ["17. mai Grunnlovsdag-notat", "2025-05-17", "Grunnlovsdag-notat"],
    ["2025-03-31   Budget   2026  ", "2025-03-31", "Budget   2026"],
    ["31/3 2025 Budget 2026", "2025-03-31", "Budget 2026"],
    ["31.3.2025 2026", "2025-03-31", "2026"],
    ["6 juni\nBeslutning om\nbudget", "2025-06-06", "Beslutning om\nbudget"],
  ])("%j → %s + %j", (input, date, rest) => {
    expect(parseDateInput(input, TODAY)).toEqual({ ok: true, date, rest });
  });
});

describe("parseDateInput: refusals", () => {
  it.each([
    // well-formed but impossible
    ["31.4.2025", "no_such_day"],
    ["2025-02-30", "no_such_day"],
    ["29.2.2025", "no_such_day"],
    ["31 juni 2025", "no_such_day"],
    ["31. april", "no_such_day"],
    ["30.2", "no_such_day"],
    ["February 30", "no_such_day"],
    ["32.1.2025", "no_such_day"],
    ["0.1.2025", "no_such_day"],
    ["15.13.2025", "no_such_day"],
    ["2025-13-01", "no_such_day"],
    ["32 mars 2025 Rapport", "no_such_day"],
    // real days outside the years 1900–2200
    ["9999-12-31", "date_out_of_range"],
    ["31.12.9999", "date_out_of_range"],
    ["1.1.2201", "date_out_of_range"],
    ["31 december 1899", "date_out_of_range"],
    ["1000-01-01", "date_out_of_range"],
    ["29.2.9996 Rapport", "date_out_of_range"],
    // an impossible day is that, whatever its year
    ["30.2.9999", "no_such_day"],
    // not dates
    ["", "not_a_date"],
    ["   ", "not_a_date"],
    ["soon", "not_a_date"],
    ["i morgen", "not_a_date"],
    ["Rapport 31.3.2025", "not_a_date"],
    ["mars", "not_a_date"],
    ["31", "not_a_date"],
    ["31 Rapport", "not_a_date"],
    ["March 2025", "not_a_date"],
    // two-digit (and other non-four-digit) years are refused, not guessed
    ["31.3.25", "not_a_date"],
    ["31/3/25", "not_a_date"],
    ["31/3 25", "not_a_date"],
    ["31. marts 25", "not_a_date"],
    ["March 31, 25", "not_a_date"],
    ["31.3.202", "not_a_date"],
    ["31.3.20255", "not_a_date"],
    ["25-03-31", "not_a_date"],
    // glued or mixed forms
    ["31.3.2025Rapport", "not_a_date"],
    ["31.3/2025", "not_a_date"],
    ["31, marts 2025", "not_a_date"],
    ["123.3.2025", "not_a_date"],
  ])("%j → %s", (input, reason) => {
    expect(parseDateInput(input, TODAY)).toEqual({ ok: false, reason });
  });

  it("rejects a malformed today as a programming error", () => {
    expect(() => parseDateInput("31.3", "not a date")).toThrow(RangeError);
  });
});

describe("parseDateInput: the years 1900–2200", () => {
  it.each([
    ["1.1.1900", "2000-01-01", "1900-01-01"],
    ["31.12.2200", "2000-01-01", "2200-12-31"],
    ["2200-12-31", "2000-01-01", "2200-12-31"],
    ["31.12", "2200-12-31", "2200-12-31"], // no year: today
  ])("%j (today %s) → %s", (input, today, date) => {
    expect(parseDateInput(input, today)).toEqual({ ok: true, date, rest: "" });
  });

  it("no year written, and the next such day is past 2200: out of range", () => {
    expect(parseDateInput("1.1", "2200-06-01")).toEqual({ ok: false, reason: "date_out_of_range" });
  });
});
