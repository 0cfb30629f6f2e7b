import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addDays,
  CalendarDate,
  dateInZone,
  dayNumber,
  daysBetween,
  endOfLocalDay,
  fromDayNumber,
  yearOf,
} from "../../src/domain/calendar-date.js";

/** The three Scandinavian zones switch together: 2025-03-30 01:00 UTC and 2025-10-26 01:00 UTC. */
const NORDIC_ZONES = ["Europe/Copenhagen", "Europe/Oslo", "Europe/Stockholm"] as const;

describe("dateInZone", () => {
  it.each([
    // instant, zone, local date
    ["2025-03-31T11:30:00Z", "UTC", "2025-03-31"],
    ["2025-03-31T11:30:00Z", "Europe/Copenhagen", "2025-03-31"],
    ["2025-03-31T11:30:00Z", "Pacific/Auckland", "2025-04-01"], // NZDT, UTC+13
    ["2025-03-30T22:30:00Z", "UTC", "2025-03-30"],
    ["2025-03-30T22:30:00Z", "Europe/Copenhagen", "2025-03-31"], // CEST, UTC+2
    ["2025-03-30T22:30:00Z", "Pacific/Auckland", "2025-03-31"],
    ["2025-03-30T21:59:59Z", "Europe/Copenhagen", "2025-03-30"],
    ["2025-12-31T23:00:00Z", "Europe/Oslo", "2026-01-01"], // CET, UTC+1
    ["2025-12-31T22:59:59Z", "Europe/Oslo", "2025-12-31"],
    ["2025-12-31T10:59:59Z", "Pacific/Auckland", "2025-12-31"],
    ["2025-12-31T11:00:00Z", "Pacific/Auckland", "2026-01-01"],
    ["2025-06-30T23:59:59Z", "UTC", "2025-06-30"],
    ["2025-07-01T04:00:00Z", "America/New_York", "2025-07-01"], // EDT, UTC-4: local midnight
    ["2025-07-01T03:59:59Z", "America/New_York", "2025-06-30"],
  ])("%s in %s is %s", (instant, zone, date) => {
    expect(dateInZone(new Date(instant), zone)).toBe(date);
  });

  it("gives different local dates for one instant in different zones", () => {
    // 2025-03-30T11:30Z: Auckland is past midnight, Copenhagen and UTC are not; 22:30 the same day
    // Copenhagen is past midnight too while UTC is not.
    const late = new Date("2025-03-30T22:30:00Z");
    const midday = new Date("2025-03-30T11:30:00Z");
    expect([dateInZone(midday, "UTC"), dateInZone(midday, "Europe/Copenhagen"), dateInZone(midday, "Pacific/Auckland")]).toEqual([
      "2025-03-30",
      "2025-03-30",
      "2025-03-31",
    ]);
    expect([dateInZone(late, "UTC"), dateInZone(late, "Europe/Copenhagen"), dateInZone(late, "Pacific/Auckland")]).toEqual([
      "2025-03-30",
      "2025-03-31",
      "2025-03-31",
    ]);
    // Three different dates at once need zones more than 24 hours apart: Pago Pago (UTC-11) and Kiritimati (UTC+14).
    const spread = new Date("2025-03-30T10:30:00Z");
    expect([dateInZone(spread, "Pacific/Pago_Pago"), dateInZone(spread, "UTC"), dateInZone(spread, "Pacific/Kiritimati")]).toEqual([
      "2025-03-29",
      "2025-03-30",
      "2025-03-31",
    ]);
  });

  it.each(NORDIC_ZONES)("follows %s through both 2025 switches, hour by hour", (zone) => {
    // Spring forward: 02:00 CET → 03:00 CEST at 01:00 UTC; the local day 30 March has 23 hours.
    expect(dateInZone(new Date("2025-03-29T22:59:59Z"), zone)).toBe("2025-03-29");
    expect(dateInZone(new Date("2025-03-29T23:00:00Z"), zone)).toBe("2025-03-30");
    expect(dateInZone(new Date("2025-03-30T21:59:59Z"), zone)).toBe("2025-03-30");
    expect(dateInZone(new Date("2025-03-30T22:00:00Z"), zone)).toBe("2025-03-31");
    // Fall back: 03:00 CEST → 02:00 CET at 01:00 UTC; the local day 26 October has 25 hours.
    expect(dateInZone(new Date("2025-10-25T21:59:59Z"), zone)).toBe("2025-10-25");
    expect(dateInZone(new Date("2025-10-25T22:00:00Z"), zone)).toBe("2025-10-26");
    expect(dateInZone(new Date("2025-10-26T22:59:59Z"), zone)).toBe("2025-10-26");
    expect(dateInZone(new Date("2025-10-26T23:00:00Z"), zone)).toBe("2025-10-27");
  });
});

describe("daysBetween", () => {
  it.each([
    ["2025-03-31", "2025-03-31", 0],
    ["2025-03-30", "2025-03-31", 1],
    ["2025-03-31", "2025-03-30", -1],
    // across the spring-forward and fall-back switches (23- and 25-hour local days)
    ["2025-03-29", "2025-03-31", 2],
    ["2025-03-30", "2025-04-01", 2],
    ["2025-10-25", "2025-10-27", 2],
    ["2025-10-26", "2025-10-27", 1],
    ["2025-03-01", "2025-11-01", 245],
    ["2025-11-01", "2025-03-01", -245],
    // across 29 February 2024
    ["2024-02-28", "2024-03-01", 2],
    ["2025-02-28", "2025-03-01", 1],
    ["2024-02-29", "2024-03-01", 1],
    ["2024-01-01", "2025-01-01", 366],
    ["2025-01-01", "2026-01-01", 365],
    ["2023-03-01", "2024-03-01", 366],
    ["2024-03-01", "2025-03-01", 365],
    ["2024-12-31", "2025-01-01", 1],
  ] as const)("%s → %s is %i days", (from, to, days) => {
    const result = daysBetween(from, to);
    expect(result).toBe(days);
    expect(Number.isInteger(result)).toBe(true);
  });
});

describe("addDays", () => {
  it.each([
    ["2025-03-29", 1, "2025-03-30"],
    ["2025-03-30", 1, "2025-03-31"],
    ["2025-10-26", 1, "2025-10-27"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-03-31", 90, "2025-06-29"],
    ["2025-03-31", 0, "2025-03-31"],
    ["2024-01-01", 366, "2025-01-01"],
  ] as const)("%s + %i days is %s", (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it("is the inverse of daysBetween", () => {
    for (const start of ["2024-02-27", "2025-03-29", "2025-10-25"]) {
      for (let n = -400; n <= 400; n += 7) expect(daysBetween(start, addDays(start, n))).toBe(n);
    }
  });
});

describe("endOfLocalDay", () => {
  it.each<[string, string, string]>([
    ...NORDIC_ZONES.flatMap((zone): [string, string, string][] => [
      ["2025-03-29", zone, "2025-03-29T23:00:00.000Z"], // CET
      ["2025-03-30", zone, "2025-03-30T22:00:00.000Z"], // 23-hour day, ends in CEST
      ["2025-03-31", zone, "2025-03-31T22:00:00.000Z"],
      ["2025-10-25", zone, "2025-10-25T22:00:00.000Z"], // CEST
      ["2025-10-26", zone, "2025-10-26T23:00:00.000Z"], // 25-hour day, ends in CET
      ["2025-10-27", zone, "2025-10-27T23:00:00.000Z"],
    ]),
    ["2024-02-29", "Europe/Copenhagen", "2024-02-29T23:00:00.000Z"],
    ["2025-03-31", "UTC", "2025-04-01T00:00:00.000Z"],
    ["2025-03-31", "Pacific/Auckland", "2025-03-31T11:00:00.000Z"], // NZDT, UTC+13
    ["2025-04-06", "Pacific/Auckland", "2025-04-06T12:00:00.000Z"], // NZ falls back that morning
    ["2025-12-31", "Europe/Stockholm", "2025-12-31T23:00:00.000Z"],
  ])("%s in %s ends at %s", (date, zone, instant) => {
    expect(endOfLocalDay(date, zone).toISOString()).toBe(instant);
  });

  it.each(NORDIC_ZONES)("in %s, the last millisecond of the day is still that day and the end is the next", (zone) => {
    for (const date of ["2025-03-30", "2025-10-26", "2024-02-29"] as const) {
      const end = endOfLocalDay(date, zone);
      expect(dateInZone(new Date(end.getTime() - 1), zone)).toBe(date);
      expect(dateInZone(end, zone)).toBe(addDays(date, 1));
    }
  });
});

describe("CalendarDate and yearOf", () => {
  it.each(["2025-03-31", "2024-02-29", "2000-02-29"])("accepts %s", (date) => {
    expect(CalendarDate.safeParse(date).success).toBe(true);
  });

  it.each(["2025-02-29", "2025-13-01", "2025-3-31", "31.03.2025", "2025-03-31T00:00:00Z", ""])("refuses %j", (date) => {
    const result = CalendarDate.safeParse(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must be a date written YYYY-MM-DD, e.g. 2025-03-31");
  });

  it("reads the year", () => {
    expect(yearOf("2024-02-29")).toBe(2024);
  });
});

describe("dayNumber and fromDayNumber: calendar dates as day numbers, by plain arithmetic", () => {
  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-02-29", 11_016],
    ["2024-02-29", 19_782],
    ["2024-03-01", 19_783],
    ["1900-01-01", -25_567],
    ["2200-12-31", 84_370],
    ["0001-01-01", -719_162], // a year below 100 is not read as 19xx
  ] as const)("%s is day %i", (date, day) => {
    expect(dayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  it("agrees with luxon on every day from 1900 to 2200, and addDays/daysBetween with it", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_370 }), fc.integer({ min: -800, max: 800 }), (day, step) => {
        const date = fromDayNumber(day);
        const luxon = DateTime.fromMillis(day * 86_400_000, { zone: "utc" }).toISODate();
        expect(date).toBe(luxon);
        expect(dayNumber(date)).toBe(day);
        const later = addDays(date, step);
        expect(later).toBe(DateTime.fromISO(date, { zone: "utc" }).plus({ days: step }).toISODate());
        expect(daysBetween(date, later)).toBe(step);
      }),
      { numRuns: 2000 },
    );
  });
});
