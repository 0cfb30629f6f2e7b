import { describe, expect, it } from "vitest";
import { daysBetween } from "../../src/domain/calendar-date.js";
import type { Mandate, Obligation } from "../../src/domain/mandate.js";
import { dueDatesInYear, nextDueDate, obligationDueDates, obligationPeriod } from "../../src/domain/obligation-schedule.js";

function obligation(atLeast: number, extra: Partial<Obligation> = {}): Obligation {
  return { id: "status-report", title: "Status report", owner: { role: "chair" }, every: { at_least: atLeast, per: "year" }, ...extra };
}

const OPEN_ENDED: Pick<Mandate, "valid"> = { valid: { from: "2021-01-01" } };
const TWO_YEARS: Pick<Mandate, "valid"> = { valid: { from: "2024-07-01", until: "2026-06-30" } };

describe("dueDatesInYear: explicit due days", () => {
  it.each([
    [["06-30", "12-31"], 2025, ["2025-06-30", "2025-12-31"]],
    [["12-31", "06-30"], 2025, ["2025-06-30", "2025-12-31"]], // sorted, whatever the file order
    [["03-01", "02-28", "10-15"], 2024, ["2024-02-28", "2024-03-01", "2024-10-15"]],
    [["01-15"], 2030, ["2030-01-15"]],
  ])("due %j in %i → %j", (due, year, expected) => {
    expect(dueDatesInYear(obligation(due.length, { due }), year)).toEqual(expected);
  });

  it("does not reorder the obligation's own list", () => {
    const o = obligation(2, { due: ["12-31", "06-30"] });
    dueDatesInYear(o, 2025);
    expect(o.due).toEqual(["12-31", "06-30"]);
  });
});

describe("dueDatesInYear: at least N a year, month-aligned when N divides 12", () => {
  it.each([
    [1, 2025, ["2025-12-31"]],
    [2, 2025, ["2025-06-30", "2025-12-31"]],
    [3, 2025, ["2025-04-30", "2025-08-31", "2025-12-31"]],
    [4, 2025, ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]],
    [6, 2025, ["2025-02-28", "2025-04-30", "2025-06-30", "2025-08-31", "2025-10-31", "2025-12-31"]],
    [6, 2024, ["2024-02-29", "2024-04-30", "2024-06-30", "2024-08-31", "2024-10-31", "2024-12-31"]],
    [
      12,
      2025,
      [
        "2025-01-31",
        "2025-02-28",
        "2025-03-31",
        "2025-04-30",
        "2025-05-31",
        "2025-06-30",
        "2025-07-31",
        "2025-08-31",
        "2025-09-30",
        "2025-10-31",
        "2025-11-30",
        "2025-12-31",
      ],
    ],
    [
      12,
      2024,
      [
        "2024-01-31",
        "2024-02-29",
        "2024-03-31",
        "2024-04-30",
        "2024-05-31",
        "2024-06-30",
        "2024-07-31",
        "2024-08-31",
        "2024-09-30",
        "2024-10-31",
        "2024-11-30",
        "2024-12-31",
      ],
    ],
    [12, 2100, expect.arrayContaining(["2100-02-28"])], // not a leap year
    [12, 2000, expect.arrayContaining(["2000-02-29"])], // a leap year
  ] as const)("%i times in %i", (times, year, expected) => {
    expect(dueDatesInYear(obligation(times), year)).toEqual(expected);
  });
});

describe("dueDatesInYear: at least N a year, equal day spans otherwise", () => {
  it.each([
    // 365 days: day 73, 146, 219, 292, 365
    [5, 2025, ["2025-03-14", "2025-05-26", "2025-08-07", "2025-10-19", "2025-12-31"]],
    // 366 days: day 73.2 → 73, 146.4 → 146, 219.6 → 220, 292.8 → 293, 366
    [5, 2024, ["2024-03-13", "2024-05-25", "2024-08-07", "2024-10-19", "2024-12-31"]],
    [7, 2025, ["2025-02-21", "2025-04-14", "2025-06-05", "2025-07-28", "2025-09-18", "2025-11-09", "2025-12-31"]],
  ] as const)("%i times in %i", (times, year, expected) => {
    expect(dueDatesInYear(obligation(times), year)).toEqual(expected);
  });

  it.each([2023, 2024, 2025, 2100])("every count from 1 to 52 in %i: N ascending days in the year, the last on 31 December", (year) => {
    const daysInYear = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
    for (let times = 1; times <= 52; times++) {
      const dates = dueDatesInYear(obligation(times), year);
      expect(dates).toHaveLength(times);
      expect(dates.at(-1)).toBe(`${year}-12-31`);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      expect(new Set(dates).size).toBe(times);
      expect([...dates].sort()).toEqual(dates);
      if (12 % times !== 0) {
        // Even spread: no gap differs from the ideal span by a day or more.
        let previous = `${year - 1}-12-31`;
        for (const date of dates) {
          expect(Math.abs(daysBetween(previous, date) - daysInYear / times)).toBeLessThan(1);
          previous = date;
        }
      }
    }
  });
});

describe("obligationPeriod", () => {
  it.each([
    ["the mandate's validity", obligation(2), TWO_YEARS, { from: "2024-07-01", until: "2026-06-30" }],
    ["no end when the mandate has none", obligation(2), OPEN_ENDED, { from: "2021-01-01" }],
    ["the obligation's own from", obligation(2, { from: "2025-01-01" }), TWO_YEARS, { from: "2025-01-01", until: "2026-06-30" }],
    ["the obligation's own until", obligation(2, { until: "2025-12-31" }), TWO_YEARS, { from: "2024-07-01", until: "2025-12-31" }],
    [
      "its own until in an open-ended mandate",
      obligation(2, { until: "2025-12-31" }),
      OPEN_ENDED,
      { from: "2021-01-01", until: "2025-12-31" },
    ],
  ] as const)("%s", (_, o, mandate, expected) => {
    expect(obligationPeriod(o, mandate)).toStrictEqual(expected);
  });
});

describe("obligationDueDates: window ∩ validity ∩ the obligation's own period", () => {
  it.each([
    [
      "a window inside the validity",
      obligation(4),
      TWO_YEARS,
      { from: "2025-01-01", to: "2025-12-31" },
      ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"],
    ],
    [
      "a window wider than the validity (until is inclusive)",
      obligation(4),
      TWO_YEARS,
      { from: "2024-01-01", to: "2027-12-31" },
      ["2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30"],
    ],
    ["window ends are inclusive", obligation(4), TWO_YEARS, { from: "2025-03-31", to: "2025-06-30" }, ["2025-03-31", "2025-06-30"]],
    ["a window between two due days", obligation(4), TWO_YEARS, { from: "2025-04-01", to: "2025-06-29" }, []],
    [
      "the obligation's own from",
      obligation(2, { from: "2025-07-01" }),
      TWO_YEARS,
      { from: "2024-01-01", to: "2027-12-31" },
      ["2025-12-31", "2026-06-30"],
    ],
    [
      "the obligation's own until",
      obligation(2, { until: "2025-06-30" }),
      TWO_YEARS,
      { from: "2024-01-01", to: "2027-12-31" },
      ["2024-12-31", "2025-06-30"],
    ],
    ["a window before the validity", obligation(4), TWO_YEARS, { from: "2023-01-01", to: "2024-06-30" }, []],
    ["a window after the validity", obligation(4), TWO_YEARS, { from: "2026-07-01", to: "2027-12-31" }, []],
    [
      "an open-ended mandate",
      obligation(1),
      OPEN_ENDED,
      { from: "2024-06-01", to: "2027-06-01" },
      ["2024-12-31", "2025-12-31", "2026-12-31"],
    ],
    [
      "explicit due days over a year boundary",
      obligation(2, { due: ["03-15", "09-15"] }),
      OPEN_ENDED,
      { from: "2024-06-01", to: "2025-06-01" },
      ["2024-09-15", "2025-03-15"],
    ],
    [
      "monthly across February of a leap year",
      obligation(12),
      OPEN_ENDED,
      { from: "2024-01-15", to: "2024-04-15" },
      ["2024-01-31", "2024-02-29", "2024-03-31"],
    ],
  ] as const)("%s", (_, o, mandate, window, expected) => {
    expect(obligationDueDates(o, mandate, window)).toEqual(expected);
  });
});

describe("nextDueDate", () => {
  it.each([
    ["the next quarter end", obligation(4), TWO_YEARS, "2025-03-31", "2025-06-30"],
    ["strictly after the date", obligation(4), TWO_YEARS, "2025-03-30", "2025-03-31"],
    ["into the next year", obligation(2), TWO_YEARS, "2024-12-31", "2025-06-30"],
    ["a year ahead for once a year", obligation(1), OPEN_ENDED, "2025-12-31", "2026-12-31"],
    ["none after the validity ends", obligation(4), TWO_YEARS, "2026-06-30", undefined],
    ["none after the obligation's own until", obligation(2, { until: "2025-06-30" }), TWO_YEARS, "2025-06-30", undefined],
    ["the first once the obligation starts", obligation(2, { from: "2025-07-01" }), TWO_YEARS, "2024-12-31", "2025-12-31"],
    ["leap day for monthly", obligation(12), OPEN_ENDED, "2024-01-31", "2024-02-29"],
    ["28 February otherwise", obligation(12), OPEN_ENDED, "2025-01-31", "2025-02-28"],
  ] as const)("%s", (_, o, mandate, date, expected) => {
    expect(nextDueDate(o, mandate, date)).toBe(expected);
  });

  it("walks every occurrence in order", () => {
    const o = obligation(5);
    const seen: string[] = [];
    let date: string | undefined = "2023-12-31";
    while (date && date < "2025-12-31") {
      date = nextDueDate(o, OPEN_ENDED, date);
      if (date) seen.push(date);
    }
    expect(seen).toEqual([...dueDatesInYear(o, 2024), ...dueDatesInYear(o, 2025)]);
    expect(seen[0]).toBe("2024-03-13");
  });
});
