import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../src/domain/calendar-date.js";
import {
  checkManualDeadline,
  checkWaiveReason,
  closesOn,
  type Deadline,
  type DeadlineState,
  deadlineStateAt,
  deadlineTitleKey,
  impliedOccurrence,
  isListed,
  PLANNING_HORIZON_DAYS,
  PLANNING_PAST_YEARS,
  type PlannedDeadline,
  planDeadlineRows,
  plannedDeadlines,
  planningHorizon,
  planningStart,
  planningWindow,
  planThrough,
  REASON_MAX_LENGTH,
  reconcileDeadlines,
  TITLE_MAX_LENGTH,
  UPCOMING_DAYS,
} from "../../src/domain/deadline.js";
import { Mandate } from "../../src/domain/mandate.js";

const NORDIC_ZONES = ["Europe/Copenhagen", "Europe/Oslo", "Europe/Stockholm"] as const;

/** A small valid mandate: two-year validity, one quarterly duty, two fixed deadlines. */
function mandate(valid: { from: CalendarDate; until?: CalendarDate } = { from: "2025-01-01", until: "2026-06-30" }): Mandate {
  return Mandate.parse({
    format: "mandat/v1",
    slug: "test-udvalg",
    names: { da: "Testudvalget" },
    language: "da",
    time_zone: "Europe/Copenhagen",
    country: "DK",
    visibility: "public",
    valid,
    source: { title: "Kommissorium", document: "seeds/test.txt" },
    purpose: "At teste.",
    tasks: [{ id: "test", text: "Teste." }],
    members: [
      { seat: "formand", role: "chair", title: "Formand" },
      { seat: "sekretariat", role: "secretariat", title: "Sekretariat" },
    ],
    decisions: { rule: "consensus" },
    obligations: [
      { id: "status", title: "Status", owner: { role: "chair" }, to: "Ministeriet", every: { at_least: 4, per: "year" }, clause: "§ 4" },
    ],
    deadlines: [
      { id: "slutrapport", title: "Slutrapport", due: "2026-05-31", owner: { seats: ["formand", "sekretariat"] } },
      { id: "plan", title: "Plan", due: "2025-03-31", owner: { body: "Styrelsen" }, to: "Ministeriet", clause: "§ 2" },
    ],
  });
}

type Resolution = Pick<Deadline, "dueDate" | "status" | "resolvedAt">;
const open = (dueDate: CalendarDate): Resolution => ({ dueDate, status: "open", resolvedAt: null });
const done = (dueDate: CalendarDate, at: string): Resolution => ({ dueDate, status: "done", resolvedAt: new Date(at) });
const waived = (dueDate: CalendarDate, at: string): Resolution => ({ dueDate, status: "waived", resolvedAt: new Date(at) });

function stateAt(deadline: Resolution, instant: string, zone: string, closes?: CalendarDate) {
  return deadlineStateAt(deadline, { instant: new Date(instant), zone, closesOn: closes });
}

describe("deadlineStateAt: a deadline lasts until the end of its local day", () => {
  it.each([
    // due, instant, zone, state, daysLeft
    ["2025-03-31", "2025-01-01T12:00:00Z", "Europe/Copenhagen", "open", 89],
    ["2025-03-31", "2025-03-30T21:59:59Z", "Europe/Copenhagen", "open", 1], // 23:59:59 CEST on the 30th
    ["2025-03-31", "2025-03-30T22:00:00Z", "Europe/Copenhagen", "open", 0], // local midnight
    ["2025-03-31", "2025-03-31T21:59:59Z", "Europe/Copenhagen", "open", 0],
    ["2025-03-31", "2025-03-31T22:00:00Z", "Europe/Copenhagen", "overdue", -1],
    ["2025-03-31", "2025-03-31T22:00:00Z", "UTC", "open", 0], // still the 31st in UTC
    ["2025-03-31", "2025-03-31T23:59:59Z", "UTC", "open", 0],
    ["2025-03-31", "2025-04-01T00:00:00Z", "UTC", "overdue", -1],
    ["2025-03-31", "2025-03-31T10:59:59Z", "Pacific/Auckland", "open", 0], // 23:59:59 NZDT
    ["2025-03-31", "2025-03-31T11:00:00Z", "Pacific/Auckland", "overdue", -1],
    ["2025-03-31", "2025-03-30T10:59:59Z", "Pacific/Auckland", "open", 1],
    ["2025-03-31", "2025-05-10T12:00:00Z", "Europe/Oslo", "overdue", -40],
    ["2024-03-01", "2024-02-28T12:00:00Z", "Europe/Stockholm", "open", 2], // across 29 February
  ] as const)("due %s at %s in %s: %s, %i days left", (due, instant, zone, state, daysLeft) => {
    expect(stateAt(open(due), instant, zone)).toEqual({ state, daysLeft });
  });

  it("gives a different state for the same instant in different zones", () => {
    const instant = "2025-03-31T12:30:00Z"; // 14:30 in Copenhagen, 01:30 on 1 April in Auckland
    expect(stateAt(open("2025-03-31"), instant, "UTC")).toEqual({ state: "open", daysLeft: 0 });
    expect(stateAt(open("2025-03-31"), instant, "Europe/Copenhagen")).toEqual({ state: "open", daysLeft: 0 });
    expect(stateAt(open("2025-03-31"), instant, "Pacific/Auckland")).toEqual({ state: "overdue", daysLeft: -1 });
  });
});

describe.each(NORDIC_ZONES)("deadlineStateAt on the DST switch days in %s", (zone) => {
  it.each([
    // Spring forward, 30 March 2025: the day runs 23:00 UTC (CET) to 22:00 UTC (CEST).
    ["2025-03-30", "2025-03-29T22:59:59Z", "open", 1],
    ["2025-03-30", "2025-03-29T23:00:00Z", "open", 0],
    ["2025-03-30", "2025-03-30T00:59:59Z", "open", 0], // 01:59:59 CET, just before the switch
    ["2025-03-30", "2025-03-30T01:00:00Z", "open", 0], // 03:00 CEST
    ["2025-03-30", "2025-03-30T21:59:00Z", "open", 0], // 23:59 CEST
    ["2025-03-30", "2025-03-30T21:59:59Z", "open", 0],
    ["2025-03-30", "2025-03-30T22:00:01Z", "overdue", -1], // just after local midnight
    ["2025-03-30", "2025-03-30T22:59:59Z", "overdue", -1], // an hour the CET-only arithmetic would still call the 30th
    // Fall back, 26 October 2025: the day runs 22:00 UTC (CEST) to 23:00 UTC (CET).
    ["2025-10-26", "2025-10-25T21:59:59Z", "open", 1],
    ["2025-10-26", "2025-10-25T22:00:00Z", "open", 0],
    ["2025-10-26", "2025-10-26T00:30:00Z", "open", 0], // 02:30 CEST, the first time
    ["2025-10-26", "2025-10-26T01:30:00Z", "open", 0], // 02:30 CET, the second time
    ["2025-10-26", "2025-10-26T21:59:00Z", "open", 0], // 22:59 CET
    ["2025-10-26", "2025-10-26T22:59:59Z", "open", 0], // 23:59:59 CET, the 25th hour
    ["2025-10-26", "2025-10-26T23:00:01Z", "overdue", -1], // just after local midnight
  ] as const)("due %s at %s: %s, %i", (due, instant, state, daysLeft) => {
    expect(stateAt(open(due), instant, zone)).toEqual({ state, daysLeft });
  });

  it.each([
    ["2025-03-29", "2025-03-31T12:00:00Z", -2],
    ["2025-04-01", "2025-03-29T12:00:00Z", 3],
    ["2025-10-25", "2025-10-27T12:00:00Z", -2],
    ["2025-10-28", "2025-10-25T12:00:00Z", 3],
  ] as const)("counts whole days across a switch: due %s at %s is %i", (due, instant, daysLeft) => {
    const { daysLeft: result } = stateAt(open(due), instant, zone);
    expect(result).toBe(daysLeft);
    expect(Number.isInteger(result)).toBe(true);
  });
});

describe("deadlineStateAt: resolved, missed, and resolved after the instant", () => {
  it.each<[string, Resolution, string, CalendarDate | undefined, DeadlineState, number]>([
    ["done before the due day", done("2025-03-31", "2025-03-15T09:00:00Z"), "2025-03-20T12:00:00Z", undefined, "done", 11],
    ["done late, seen afterwards", done("2025-03-31", "2025-04-05T09:00:00Z"), "2025-04-10T12:00:00Z", undefined, "done", -10],
    ["done exactly at the instant", done("2025-03-31", "2025-04-05T09:00:00Z"), "2025-04-05T09:00:00Z", undefined, "done", -5],
    [
      "done after the instant: was still open then",
      done("2025-03-31", "2025-04-05T09:00:00Z"),
      "2025-03-20T12:00:00Z",
      undefined,
      "open",
      11,
    ],
    [
      "done after the instant: was overdue then",
      done("2025-03-31", "2025-04-05T09:00:00Z"),
      "2025-04-05T08:59:59Z",
      undefined,
      "overdue",
      -5,
    ],
    [
      "done after the instant: was missed then",
      done("2025-03-31", "2025-07-05T09:00:00Z"),
      "2025-07-02T12:00:00Z",
      "2025-06-30",
      "missed",
      -93,
    ],
    [
      "done, though it would count as missed now",
      done("2025-03-31", "2025-04-05T09:00:00Z"),
      "2025-08-01T12:00:00Z",
      "2025-06-30",
      "done",
      -123,
    ],
    ["waived before the due day", waived("2025-03-31", "2025-03-01T09:00:00Z"), "2025-03-02T12:00:00Z", undefined, "waived", 29],
    ["waived after the instant", waived("2025-03-31", "2025-03-01T09:00:00Z"), "2025-02-28T12:00:00Z", undefined, "open", 31],
    ["waived long after it closed", waived("2025-03-31", "2025-09-01T09:00:00Z"), "2025-10-01T12:00:00Z", "2025-06-30", "waived", -184],
    ["open, past due, before it closes", open("2025-03-31"), "2025-06-30T12:00:00Z", "2025-06-30", "overdue", -91],
    ["open, on the day after it closes", open("2025-03-31"), "2025-07-01T12:00:00Z", "2025-06-30", "missed", -92],
    ["open and never closing", open("2025-03-31"), "2030-03-31T12:00:00Z", undefined, "overdue", -1826],
    ["open, not yet due, closesOn irrelevant", open("2025-03-31"), "2025-03-31T12:00:00Z", "2025-03-30", "open", 0],
  ])("%s", (_, deadline, instant, closes, state, daysLeft) => {
    expect(stateAt(deadline, instant, "Europe/Copenhagen", closes)).toEqual({ state, daysLeft });
  });

  it("decides 'missed' on the committee's local day, not UTC's", () => {
    // 00:30 on 1 July in Copenhagen is still 30 June in UTC.
    const instant = "2025-06-30T22:30:00Z";
    expect(stateAt(open("2025-03-31"), instant, "Europe/Copenhagen", "2025-06-30").state).toBe("missed");
    expect(stateAt(open("2025-03-31"), instant, "UTC", "2025-06-30").state).toBe("overdue");
  });
});

describe("closesOn", () => {
  const m = mandate();
  it.each<[string, Pick<Deadline, "source" | "sourceKey" | "dueDate">, Mandate, CalendarDate | undefined]>([
    ["a hand-added deadline never closes", { source: "manual", sourceKey: null, dueDate: "2025-03-31" }, m, undefined],
    [
      "a duty's occurrence closes when the next one is due",
      { source: "obligation", sourceKey: "obligation:status:2025-03-31", dueDate: "2025-03-31" },
      m,
      "2025-06-30",
    ],
    ["… over a year boundary", { source: "obligation", sourceKey: "obligation:status:2025-12-31", dueDate: "2025-12-31" }, m, "2026-03-31"],
    [
      "… in an open-ended mandate",
      { source: "obligation", sourceKey: "obligation:status:2030-09-30", dueDate: "2030-09-30" },
      mandate({ from: "2025-01-01" }),
      "2030-12-31",
    ],
    [
      "a duty that left the mandate closes on its due day",
      { source: "obligation", sourceKey: "obligation:gone:2025-03-31", dueDate: "2025-03-31" },
      m,
      "2025-03-31",
    ],
    [
      "a mandate clause closes when the mandate expires",
      { source: "mandate_clause", sourceKey: "deadline:plan", dueDate: "2025-03-31" },
      m,
      "2026-06-30",
    ],
    [
      "… but not sooner than 90 days after its due day",
      { source: "mandate_clause", sourceKey: "deadline:slutrapport", dueDate: "2026-05-31" },
      m,
      "2026-08-29",
    ],
    [
      "… exactly 90 days after when that is later",
      { source: "mandate_clause", sourceKey: "deadline:x", dueDate: "2026-06-30" },
      m,
      "2026-09-28",
    ],
    [
      "a mandate clause in an open-ended mandate never closes",
      { source: "mandate_clause", sourceKey: "deadline:plan", dueDate: "2025-03-31" },
      mandate({ from: "2025-01-01" }),
      undefined,
    ],
    [
      "the last occurrence of a duty closes when the mandate expires, with the same 90 days' grace",
      { source: "obligation", sourceKey: "obligation:status:2026-06-30", dueDate: "2026-06-30" },
      m,
      "2026-09-28",
    ],
    [
      "… and a duty with its own end closes by that end even in an open-ended mandate",
      { source: "obligation", sourceKey: "obligation:status:2025-06-30", dueDate: "2025-06-30" },
      Mandate.parse({
        ...mandate({ from: "2025-01-01" }),
        obligations: (mandate().obligations ?? []).slice(0, 1).map((o) => ({ ...o, until: "2025-08-31" })),
      }),
      "2025-09-28",
    ],
  ])("%s", (_, deadline, mandateVersion, expected) => {
    expect(closesOn(deadline, mandateVersion)).toBe(expected);
  });

  it("turns an unanswered quarterly report from overdue into missed when the next quarter's report is due", () => {
    const deadline = {
      source: "obligation" as const,
      sourceKey: "obligation:status:2025-03-31",
      dueDate: "2025-03-31" as const,
      status: "open" as const,
      resolvedAt: null,
    };
    const closes = closesOn(deadline, m);
    const at = (instant: string) =>
      deadlineStateAt(deadline, { instant: new Date(instant), zone: "Europe/Copenhagen", closesOn: closes }).state;
    expect(at("2025-04-01T08:00:00Z")).toBe("overdue");
    expect(at("2025-06-30T21:59:59Z")).toBe("overdue"); // 23:59:59 on 30 June, Copenhagen
    expect(at("2025-06-30T22:00:00Z")).toBe("missed");
  });
});

describe("plannedDeadlines", () => {
  it("lists the fixed deadlines and every occurrence of the duties from the start of validity up to `through`", () => {
    const planned = plannedDeadlines(mandate(), { from: "2000-01-01", through: "2025-09-30" });
    expect(planned).toEqual<PlannedDeadline[]>([
      {
        source: "mandate_clause",
        sourceKey: "deadline:slutrapport",
        title: "Slutrapport",
        owner: { seats: ["formand", "sekretariat"] },
        recipient: null,
        clause: null,
        dueDate: "2026-05-31",
        // 90 days of grace after the due day: later than the mandate's end.
        closesOn: "2026-08-29",
      },
      {
        source: "mandate_clause",
        sourceKey: "deadline:plan",
        title: "Plan",
        owner: { body: "Styrelsen" },
        recipient: "Ministeriet",
        clause: "§ 2",
        dueDate: "2025-03-31",
        // The mandate's end: later than 90 days after the due day.
        closesOn: "2026-06-30",
      },
      ...(["2025-03-31", "2025-06-30", "2025-09-30"] as const).map((dueDate) => ({
        source: "obligation" as const,
        sourceKey: `obligation:status:${dueDate}`,
        title: "Status",
        owner: { role: "chair" as const },
        recipient: "Ministeriet",
        clause: "§ 4",
        dueDate,
        // When the next occurrence falls due.
        closesOn: { "2025-03-31": "2025-06-30", "2025-06-30": "2025-09-30", "2025-09-30": "2025-12-31" }[dueDate],
      })),
    ]);
  });

  it("stops the duties at the end of validity", () => {
    const dates = plannedDeadlines(mandate(), { from: "2000-01-01", through: "2030-12-31" })
      .filter((p) => p.source === "obligation")
      .map((p) => p.dueDate);
    expect(dates).toEqual(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30"]);
  });

  it("plans no occurrence before validity starts", () => {
    expect(plannedDeadlines(mandate(), { from: "2000-01-01", through: "2024-12-31" }).filter((p) => p.source === "obligation")).toEqual([]);
  });

  it("gives every planned deadline a distinct key", () => {
    const keys = plannedDeadlines(mandate({ from: "2025-01-01" }), { from: "2000-01-01", through: "2035-12-31" }).map((p) => p.sourceKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("reconcileDeadlines", () => {
  const planned = plannedDeadlines(mandate(), { from: "2000-01-01", through: "2025-06-30" });
  const byKey = (key: string): PlannedDeadline => {
    const p = planned.find((x) => x.sourceKey === key);
    if (!p) throw new Error(`nothing planned under ${key}`);
    return p;
  };
  type Stored = Parameters<typeof reconcileDeadlines>[1][number];
  const stored = (id: number, key: string | null, status: Stored["status"] = "open", change: Partial<Stored> = {}): Stored => {
    const base = planned.find((x) => x.sourceKey === key) ?? {
      title: "Elsewhere",
      owner: { role: "chair" as const },
      recipient: null,
      clause: null,
      dueDate: "2025-05-01" as const,
    };
    return {
      id,
      sourceKey: key,
      status,
      title: base.title,
      owner: base.owner,
      recipient: base.recipient,
      clause: base.clause,
      dueDate: base.dueDate,
      closesOn: "closesOn" in base ? base.closesOn : null,
      ...change,
    };
  };
  const Q1 = "obligation:status:2025-03-31";
  const Q2 = "obligation:status:2025-06-30";
  const PLAN = "deadline:plan";

  it("moves a resolved row's closing day only, when the mandate moves it", () => {
    const rows = [
      stored(1, "deadline:slutrapport"),
      stored(2, PLAN, "done", { closesOn: "2025-06-29", title: "Old" }),
      stored(3, Q1),
      stored(4, Q2),
    ];
    const result = reconcileDeadlines(planned, rows);
    expect(result).toEqual({ create: [], update: [], remove: [], reclose: [{ id: 2, closesOn: "2026-06-30" }] });
  });

  it("plans four deadlines up to 30 June 2025", () => {
    expect(planned.map((p) => p.sourceKey)).toEqual(["deadline:slutrapport", PLAN, Q1, Q2]);
  });

  it.each<[string, Stored[], { create: string[]; update: number[]; remove: number[] }]>([
    ["nothing stored: everything is created", [], { create: ["deadline:slutrapport", PLAN, Q1, Q2], update: [], remove: [] }],
    [
      "everything stored as planned: nothing to do",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN), stored(3, Q1), stored(4, Q2)],
      { create: [], update: [], remove: [] },
    ],
    [
      "an open row with another title is updated",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN, "open", { title: "Old" }), stored(3, Q1), stored(4, Q2)],
      { create: [], update: [2], remove: [] },
    ],
    [
      "an open row with another date is updated",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN, "open", { dueDate: "2025-04-30" }), stored(3, Q1), stored(4, Q2)],
      { create: [], update: [2], remove: [] },
    ],
    [
      "an open row with another owner is updated",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN), stored(3, Q1, "open", { owner: { role: "secretariat" } }), stored(4, Q2)],
      { create: [], update: [3], remove: [] },
    ],
    [
      "an open row with another recipient is updated",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN, "open", { recipient: null }), stored(3, Q1), stored(4, Q2)],
      { create: [], update: [2], remove: [] },
    ],
    [
      "an open row with another clause is updated",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN), stored(3, Q1, "open", { clause: "§ 5" }), stored(4, Q2)],
      { create: [], update: [3], remove: [] },
    ],
    [
      "an open row planned before closing days were kept (none stored) gets its closing day",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN), stored(3, Q1, "open", { closesOn: null }), stored(4, Q2)],
      { create: [], update: [3], remove: [] },
    ],
    [
      "a done row that differs stays as it is",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN, "done", { title: "Old" }), stored(3, Q1), stored(4, Q2)],
      { create: [], update: [], remove: [] },
    ],
    [
      "a waived row that differs stays as it is",
      [stored(1, "deadline:slutrapport"), stored(2, PLAN), stored(3, Q1, "waived", { dueDate: "2025-04-15" }), stored(4, Q2)],
      { create: [], update: [], remove: [] },
    ],
    [
      "an open row no longer planned is removed",
      [
        stored(1, "deadline:slutrapport"),
        stored(2, PLAN),
        stored(3, Q1),
        stored(4, Q2),
        stored(5, "deadline:dropped"),
        stored(6, "obligation:status:2024-12-31"),
      ],
      { create: [], update: [], remove: [5, 6] },
    ],
    [
      "a done or waived row no longer planned stays",
      [
        stored(1, "deadline:slutrapport"),
        stored(2, PLAN),
        stored(3, Q1),
        stored(4, Q2),
        stored(5, "deadline:dropped", "done"),
        stored(6, "obligation:gone:2025-03-31", "waived"),
      ],
      { create: [], update: [], remove: [] },
    ],
    [
      "hand-added rows are never touched",
      [stored(7, null), stored(8, null, "done")],
      { create: ["deadline:slutrapport", PLAN, Q1, Q2], update: [], remove: [] },
    ],
    [
      "a mix",
      [stored(2, PLAN, "done", { title: "Old" }), stored(3, Q1, "open", { title: "Old" }), stored(5, "deadline:dropped"), stored(7, null)],
      { create: ["deadline:slutrapport", Q2], update: [3], remove: [5] },
    ],
  ])("%s", (_, rows, expected) => {
    const result = reconcileDeadlines(planned, rows);
    expect({
      create: result.create.map((p) => p.sourceKey),
      update: result.update.map((u) => u.id),
      remove: result.remove,
    }).toEqual(expected);
    for (const u of result.update) expect(u.planned).toEqual(byKey(rows.find((r) => r.id === u.id)?.sourceKey ?? ""));
  });
});

describe("isListed", () => {
  it.each<[DeadlineState, number, boolean]>([
    ["overdue", -1, true],
    ["overdue", -400, true],
    ["open", 0, true],
    ["open", 1, true],
    ["open", UPCOMING_DAYS, true],
    ["open", UPCOMING_DAYS + 1, false],
    ["open", 365, false],
    ["missed", -100, false],
    ["done", 10, false],
    ["done", -10, false],
    ["waived", 10, false],
  ])("upcoming: %s with %i days left → %s", (state, daysLeft, listed) => {
    expect(isListed({ state, daysLeft }, "upcoming")).toBe(listed);
  });

  it.each<DeadlineState>(["open", "overdue", "missed", "done", "waived"])("all: %s is listed", (state) => {
    expect(isListed({ state, daysLeft: 400 }, "all")).toBe(true);
    expect(isListed({ state, daysLeft: -400 }, "all")).toBe(true);
  });

  it("upcoming means 90 days", () => {
    expect(UPCOMING_DAYS).toBe(90);
  });
});

describe("planningHorizon", () => {
  it("is 400 days: a year ahead, plus room for the reminders before a deadline a year away", () => {
    expect(PLANNING_HORIZON_DAYS).toBe(400);
  });

  it.each([
    ["2025-03-31", "2026-05-05"],
    ["2024-02-29", "2025-04-04"],
    ["2023-03-01", "2024-04-04"],
    ["2025-12-31", "2027-02-04"],
  ] as const)("from %s plans through %s", (today, horizon) => {
    expect(planningHorizon(today)).toBe(horizon);
  });
});

describe("planThrough", () => {
  it("is the horizon when nothing stored lies beyond it", () => {
    expect(planThrough("2026-11-23", [{ dueDate: "2027-06-30", source: "obligation" }])).toBe("2027-12-28");
  });

  it("reaches the latest occurrence already stored, so a plan never removes a row only for lying far ahead", () => {
    expect(
      planThrough("2026-11-23", [
        { dueDate: "2027-06-30", source: "obligation" },
        { dueDate: "2028-06-30", source: "obligation" },
      ]),
    ).toBe("2028-06-30");
  });

  it("is not stretched by a deadline written in the mandate years away (those are planned whatever their date)", () => {
    expect(planThrough("2026-11-23", [{ dueDate: "2031-12-31", source: "mandate_clause" }])).toBe("2027-12-28");
  });
});

describe("checkManualDeadline", () => {
  const today = "2026-11-23";

  it("keeps a title of up to 200 characters, trimmed, due today or later", () => {
    expect(checkManualDeadline({ title: "  Årsrapport  ", dueDate: today }, today, "da")).toEqual({ title: "Årsrapport" });
    expect(checkManualDeadline({ title: "x".repeat(TITLE_MAX_LENGTH), dueDate: "2027-01-01" }, today, "da").title).toHaveLength(200);
    // Counted in characters as people see them, not UTF-16 units.
    expect(checkManualDeadline({ title: "😀".repeat(TITLE_MAX_LENGTH), dueDate: today }, today, "da").title).toHaveLength(400);
  });

  it.each([
    ["no title", { title: "   ", dueDate: "2027-01-01" }, "title_missing"],
    ["a title too long", { title: "x".repeat(TITLE_MAX_LENGTH + 1), dueDate: "2027-01-01" }, "title_too_long"],
    ["yesterday", { title: "I går", dueDate: "2026-11-22" }, "date_in_past"],
    ["a day in 2201", { title: "Langt ude", dueDate: "2201-01-01" }, "date_out_of_range"],
    ["9999-12-31", { title: "Langt ude", dueDate: "9999-12-31" }, "date_out_of_range"],
  ] as const)("refuses %s, in the committee's language", (_label, input, code) => {
    expect(() => checkManualDeadline(input, today, "sv")).toThrow(expect.objectContaining({ code, language: "sv" }));
  });
});

describe("checkWaiveReason", () => {
  it("keeps a reason of up to 500 characters, trimmed", () => {
    expect(checkWaiveReason("  udsat  ", 7)).toBe("udsat");
    expect(checkWaiveReason("x".repeat(REASON_MAX_LENGTH), 7)).toHaveLength(500);
    expect(checkWaiveReason("😀".repeat(REASON_MAX_LENGTH), 7)).toHaveLength(1000);
  });

  it.each([
    ["no reason", "  ", "waive_reason_missing", { id: 7 }],
    ["a reason too long", "x".repeat(REASON_MAX_LENGTH + 1), "waive_reason_too_long", { max: 500 }],
  ] as const)("refuses %s", (_label, reason, code, params) => {
    expect(() => checkWaiveReason(reason, 7)).toThrow(expect.objectContaining({ code, params }));
  });
});

describe("the planning window: recurring duties from two years back", () => {
  it.each([
    ["2026-11-23", "2024-11-23"],
    ["2026-02-28", "2024-02-28"],
    ["2024-02-29", "2022-02-28"], // no 29 February two years back
    ["2026-01-01", "2024-01-01"],
  ] as const)("planningStart(%s) = %s", (today, start) => {
    expect(planningStart(today)).toBe(start);
    expect(PLANNING_PAST_YEARS).toBe(2);
  });

  it("planningWindow: from two years back to the horizon (or the last stored occurrence)", () => {
    expect(planningWindow("2026-11-23", [])).toEqual({ from: "2024-11-23", through: "2027-12-28" });
    expect(planningWindow("2026-11-23", [{ dueDate: "2028-06-30", source: "obligation" }])).toEqual({
      from: "2024-11-23",
      through: "2028-06-30",
    });
  });

  /** A weekly duty since 1980, open-ended. */
  const weekly = (title = "Ugerapport") =>
    Mandate.parse({
      ...mandate({ from: "1980-01-01" }),
      obligations: [{ id: "uge", title, owner: { role: "chair" }, every: { at_least: 52, per: "year" } }],
      deadlines: [],
    });

  it("a weekly duty since 1980 makes some 160 rows, none before the window", () => {
    const window = planningWindow("2026-11-23", []);
    const planned = plannedDeadlines(weekly(), window);
    expect(planned.length).toBeGreaterThan(150);
    expect(planned.length).toBeLessThan(170);
    expect(planned.every((p) => p.dueDate >= "2024-11-23" && p.dueDate <= "2027-12-28")).toBe(true);
    // Planned from validity instead, it would be thousands.
    expect(plannedDeadlines(weekly(), { from: "1980-01-01", through: window.through }).length).toBeGreaterThan(2400);
  });

  it.each([
    ["an occurrence the duty still has", "obligation:status:2025-03-31", "2025-03-31"],
    ["a day the duty is not due", "obligation:status:2025-03-30", undefined],
    ["a day before validity", "obligation:status:2024-12-31", undefined],
    ["a day after validity", "obligation:status:2026-09-30", undefined],
    ["a duty the mandate no longer has", "obligation:gone:2025-03-31", undefined],
    ["a fixed deadline's key", "deadline:plan", undefined],
    ["a key that is not one", "obligation:status", undefined],
  ] as const)("impliedOccurrence: %s", (_, key, due) => {
    expect(impliedOccurrence(mandate(), key)?.dueDate).toBe(due);
    if (due) expect(impliedOccurrence(mandate(), key)).toMatchObject({ sourceKey: key, title: "Status", source: "obligation" });
  });

  type Stored = Parameters<typeof planDeadlineRows>[2][number];
  const row = (id: number, due: CalendarDate, status: Stored["status"] = "open", title = "Ugerapport"): Stored => ({
    id,
    sourceKey: `obligation:uge:${due}`,
    status,
    title,
    owner: { role: "chair" },
    recipient: null,
    clause: null,
    dueDate: due,
    closesOn: closesOn({ source: "obligation", sourceKey: `obligation:uge:${due}`, dueDate: due }, weekly()) ?? null,
  });
  // Three real occurrences of the weekly duty in 2020, long before the window.
  const old = plannedDeadlines(weekly(), { from: "2020-01-01", through: "2020-12-31" }).map((p) => p.dueDate);
  const [d1, d2, d3] = old;
  const window = planningWindow("2026-11-23", []);
  const changes = (m: Mandate, rows: Stored[]) => {
    const plan = planDeadlineRows(m, window, rows);
    return {
      update: plan.update.map((u) => [u.id, u.planned.title]),
      remove: plan.remove,
      createdBefore: plan.create.filter((p) => p.dueDate < window.from),
    };
  };

  it("rows before the window that the mandate still implies stay: the window moving on removes nothing", () => {
    if (!d1 || !d2 || !d3) return expect.fail("occurrences in 2020");
    expect(changes(weekly(), [row(1, d1), row(2, d2, "done"), row(3, d3, "waived")])).toEqual({
      update: [],
      remove: [],
      createdBefore: [],
    });
  });

  it("an open row before the window follows a retitled duty; done and waived rows keep their title", () => {
    if (!d1 || !d2 || !d3) return expect.fail("occurrences in 2020");
    expect(changes(weekly("Ny titel"), [row(1, d1), row(2, d2, "done"), row(3, d3, "waived")]).update).toEqual([[1, "Ny titel"]]);
  });

  it("an open row before the window that the mandate no longer implies goes; done and waived rows stay", () => {
    if (!d1 || !d2 || !d3) return expect.fail("occurrences in 2020");
    const without = Mandate.parse({ ...weekly(), obligations: [] });
    expect(changes(without, [row(1, d1), row(2, d2, "done"), row(3, d3, "waived")]).remove).toEqual([1]);
    const later = Mandate.parse({ ...weekly(), valid: { from: "2021-01-01" } });
    expect(changes(later, [row(1, d1), row(2, d2, "done")]).remove).toEqual([1]);
  });

  it("a day that is no longer a due day (the duty's days changed) goes, before the window as inside it", () => {
    const quarterly = Mandate.parse({
      ...weekly(),
      obligations: [{ id: "uge", title: "Ugerapport", owner: { role: "chair" }, every: { at_least: 4, per: "year" } }],
    });
    const inside: CalendarDate = "2025-05-05"; // inside the window, weekly but not a quarter's end
    const plan = planDeadlineRows(quarterly, window, [row(1, "2020-01-07"), row(2, "2020-03-31"), row(3, inside)]);
    expect(plan.remove.sort()).toEqual([1, 3]);
  });
});

describe("deadlineTitleKey: when two hand-added titles are the same deadline", () => {
  it.each([
    ["Slutrapport", "slutrapport"],
    ["SLUTRAPPORT", "slutrapport"],
    ["  Rapport  til\u00a0styrelsen\n", "rapport til styrelsen"],
    ["Årsrapport ÆØÅ ÄÖ", "årsrapport æøå äö"],
    // NFD (a decomposed å, as some keyboards send it) reads as NFC.
    ["A\u030arsrapport", "årsrapport"],
  ])("%j → %j", (title, key) => {
    expect(deadlineTitleKey(title)).toBe(key);
  });

  it("keeps letters that only look alike apart: accents are not folded", () => {
    expect(deadlineTitleKey("Møde")).not.toBe(deadlineTitleKey("Mode"));
    expect(deadlineTitleKey("Möte")).not.toBe(deadlineTitleKey("Mote"));
  });
});
