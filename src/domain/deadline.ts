import {
  addDays,
  addYears,
  type CalendarDate,
  dateInZone,
  daysBetween,
  EARLIEST_YEAR,
  isYearInRange,
  LATEST_YEAR,
  yearOf,
} from "./calendar-date.js";
import { MandatError } from "./errors.js";
import type { Language } from "./language.js";
import { type FixedDeadline, MANDATE_LIMITS, type Mandate, type Obligation, type Owner } from "./mandate.js";
import {
  cachedDueDates,
  type DateWindow,
  type DueDatesOfYear,
  nextDueDate,
  obligationDueDates,
  obligationPeriod,
} from "./obligation-schedule.js";

export type DeadlineSource = "mandate_clause" | "obligation" | "manual";
export type DeadlineStatus = "open" | "done" | "waived";

/** A deadline as stored. */
export interface Deadline {
  id: number;
  committeeId: number;
  source: DeadlineSource;
  /** "deadline:<id>" or "obligation:<id>:<date>" for rows planned from the mandate. */
  sourceKey: string | null;
  title: string;
  owner: Owner;
  recipient: string | null;
  clause: string | null;
  dueDate: CalendarDate;
  status: DeadlineStatus;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  waiveReason: string | null;
  createdAt: Date;
  createdBy: string | null;
  /**
   * The day after which, unresolved, it no longer counts as owed (see closesOn): computed from
   * the mandate when the row is planned and kept in the row, so a list is one indexed query.
   * Null: it stays owed until someone resolves it.
   */
  closesOn: CalendarDate | null;
}

/** A deadline the mandate implies, before it is stored. */
export interface PlannedDeadline {
  source: Exclude<DeadlineSource, "manual">;
  sourceKey: string;
  title: string;
  owner: Owner;
  recipient: string | null;
  clause: string | null;
  dueDate: CalendarDate;
  /** As Deadline.closesOn: from closesOn, for the mandate the row is planned from. */
  closesOn: CalendarDate | null;
}

/**
 * What a deadline is at an instant:
 * - `open`: due today or later;
 * - `overdue`: past its day and still owed;
 * - `missed`: past, never done, and no longer owed (the next occurrence of the duty has come
 *   due, or the mandate has expired);
 * - `done` / `waived`: resolved at or before that instant.
 */
export type DeadlineState = "open" | "overdue" | "missed" | "done" | "waived";

export interface DeadlineStatusAt {
  state: DeadlineState;
  /** Calendar days from the committee's local today to the due date (negative when past). */
  daysLeft: number;
}

export function deadlineStateAt(
  deadline: Pick<Deadline, "dueDate" | "status" | "resolvedAt">,
  at: {
    instant: Date;
    zone: string;
    closesOn?: CalendarDate | undefined;
  },
): DeadlineStatusAt {
  const today = dateInZone(at.instant, at.zone);
  const daysLeft = daysBetween(today, deadline.dueDate);
  if (deadline.status !== "open" && deadline.resolvedAt && deadline.resolvedAt <= at.instant) {
    return { state: deadline.status, daysLeft };
  }
  if (daysLeft >= 0) return { state: "open", daysLeft };
  if (at.closesOn !== undefined && today > at.closesOn) return { state: "missed", daysLeft };
  return { state: "overdue", daysLeft };
}

export function fixedDeadlineKey(deadline: Pick<FixedDeadline, "id">): string {
  return `deadline:${deadline.id}`;
}

export function occurrenceKey(obligation: Pick<Obligation, "id">, due: CalendarDate): string {
  return `obligation:${obligation.id}:${due}`;
}

/**
 * The days deadline rows are planned for: recurring duties only inside it (fixed deadlines
 * written in the mandate whatever their date: there are at most MAX_DEADLINES of them).
 */
export interface PlanningWindow {
  from: CalendarDate;
  through: CalendarDate;
}

/** The deadlines a mandate implies inside `window`: its fixed deadlines and every occurrence of its duties there. */
export function plannedDeadlines(mandate: Mandate, window: PlanningWindow): PlannedDeadline[] {
  const closes = closingDays(mandate);
  const fixed = (mandate.deadlines ?? []).map<Omit<PlannedDeadline, "closesOn">>((d) => ({
    source: "mandate_clause",
    sourceKey: fixedDeadlineKey(d),
    title: d.title,
    owner: d.owner,
    recipient: d.to ?? null,
    clause: d.clause ?? null,
    dueDate: d.due,
  }));
  const dates: DateWindow = { from: window.from, to: window.through };
  const recurring = (mandate.obligations ?? []).flatMap((o) => obligationDueDates(o, mandate, dates).map((due) => occurrence(o, due)));
  return [...fixed, ...recurring].map((p) => ({ ...p, closesOn: closes(p) ?? null }));
}

function occurrence(o: Obligation, due: CalendarDate): Omit<PlannedDeadline, "closesOn"> {
  return {
    source: "obligation",
    sourceKey: occurrenceKey(o, due),
    title: o.title,
    owner: o.owner,
    recipient: o.to ?? null,
    clause: o.clause ?? null,
    dueDate: due,
  };
}

/**
 * The occurrence a stored row's key names (`obligation:<id>:<date>`), if the mandate still
 * implies it: its duty is still there, applies on that day and falls due then. Undefined
 * otherwise, and for any other kind of key.
 */
export function impliedOccurrence(mandate: Mandate, sourceKey: string): PlannedDeadline | undefined {
  const match = /^obligation:([^:]+):(\d{4}-\d{2}-\d{2})$/.exec(sourceKey);
  const [, id, date] = match ?? [];
  const obligation = mandate.obligations?.find((o) => o.id === id);
  if (!obligation || !date) return undefined;
  const due = date as CalendarDate;
  if (!obligationDueDates(obligation, mandate, { from: due, to: due }).includes(due)) return undefined;
  const planned = occurrence(obligation, due);
  return { ...planned, closesOn: closesOn(planned, mandate) ?? null };
}

/**
 * The day after which an unresolved deadline stops being overdue and counts as missed:
 * - a duty's occurrence: when the next occurrence is due (the duty has moved on); the last
 *   occurrence of a duty that ends is treated like a deadline written in the mandate;
 * - a deadline written in the mandate: when the period it belongs to has ended, but never sooner
 *   than UPCOMING_DAYS after the due day, so a late report still shows as overdue for a while;
 *   without an end to the period, never;
 * - a hand-added deadline: never; it stays overdue until someone resolves it.
 */
export function closesOn(deadline: Pick<Deadline, "source" | "sourceKey" | "dueDate">, mandate: Mandate): CalendarDate | undefined {
  return closingDays(mandate)(deadline);
}

/**
 * closesOn for the many deadlines of one mandate: each duty's due days are worked out once per
 * year rather than once per deadline (planning thousands of rows stays fast).
 */
export function closingDays(mandate: Mandate): (deadline: Pick<Deadline, "source" | "sourceKey" | "dueDate">) => CalendarDate | undefined {
  const dueDatesOf = cachedDueDates();
  const byId = new Map((mandate.obligations ?? []).map((o) => [o.id, o]));
  return (deadline) => closesOnWith(deadline, mandate, byId, dueDatesOf);
}

function closesOnWith(
  deadline: Pick<Deadline, "source" | "sourceKey" | "dueDate">,
  mandate: Mandate,
  obligations: ReadonlyMap<string, Obligation>,
  dueDatesOf: DueDatesOfYear,
): CalendarDate | undefined {
  const afterPeriod = (until: CalendarDate | undefined) => {
    if (!until) return undefined;
    const grace = addDays(deadline.dueDate, UPCOMING_DAYS);
    return grace > until ? grace : until;
  };
  if (deadline.source === "mandate_clause") return afterPeriod(mandate.valid.until);
  if (deadline.source !== "obligation" || !deadline.sourceKey) return undefined;
  const obligationId = deadline.sourceKey.split(":")[1] ?? "";
  const obligation = obligations.get(obligationId);
  if (!obligation) return deadline.dueDate; // the duty left the mandate: nothing more is owed
  return nextDueDate(obligation, mandate, deadline.dueDate, dueDatesOf) ?? afterPeriod(obligationPeriod(obligation, mandate).until);
}

export interface DeadlineReconciliation {
  create: PlannedDeadline[];
  update: { id: number; planned: PlannedDeadline }[];
  remove: number[];
  /**
   * Resolved rows whose closing day the mandate now puts elsewhere: only that changes (it still
   * decides how the row looked before it was resolved, as a list "as of" an earlier day shows).
   */
  reclose: { id: number; closesOn: CalendarDate | null }[];
}

/**
 * Brings stored mandate deadlines in line with a new mandate version. Open rows follow the
 * plan (new dates, titles, owners); rows nobody has resolved and the plan no longer holds are
 * removed; done and waived rows are history and stay as they are.
 */
export function reconcileDeadlines(
  planned: PlannedDeadline[],
  stored: readonly Pick<Deadline, "id" | "sourceKey" | "status" | "title" | "owner" | "recipient" | "clause" | "dueDate" | "closesOn">[],
): DeadlineReconciliation {
  const byKey = new Map(stored.filter((d) => d.sourceKey).map((d) => [d.sourceKey as string, d]));
  const plannedKeys = new Set(planned.map((p) => p.sourceKey));
  const result: DeadlineReconciliation = { create: [], update: [], remove: [], reclose: [] };
  for (const p of planned) {
    const existing = byKey.get(p.sourceKey);
    if (!existing) result.create.push(p);
    else if (existing.status === "open") {
      if (!samePlan(existing, p)) result.update.push({ id: existing.id, planned: p });
    } else if (existing.closesOn !== p.closesOn) result.reclose.push({ id: existing.id, closesOn: p.closesOn });
  }
  for (const d of stored) {
    if (d.sourceKey && d.status === "open" && !plannedKeys.has(d.sourceKey)) result.remove.push(d.id);
  }
  return result;
}

function samePlan(
  stored: Pick<Deadline, "title" | "owner" | "recipient" | "clause" | "dueDate" | "closesOn">,
  planned: PlannedDeadline,
): boolean {
  return (
    stored.title === planned.title &&
    stored.dueDate === planned.dueDate &&
    stored.closesOn === planned.closesOn &&
    stored.recipient === planned.recipient &&
    stored.clause === planned.clause &&
    JSON.stringify(stored.owner) === JSON.stringify(planned.owner)
  );
}

/** Where the next page of a list starts: after this deadline (lists go by due date, then number). */
export interface DeadlineCursor {
  dueDate: CalendarDate;
  id: number;
}

/** Which deadlines `/frist` shows. */
export type DeadlineListing = "upcoming" | "all";
export const UPCOMING_DAYS = 90;

/** At most this many deadlines in one reply (each takes a line of up to 3 000 characters); the rest is counted. */
export const LISTED_MAX = 40;

/** Someone on no roster is shown this many of the public committees' deadlines at a time. */
export const PUBLIC_LISTED_MAX = 10;

export function isListed(status: DeadlineStatusAt, listing: DeadlineListing): boolean {
  if (listing === "all") return true;
  return status.state === "overdue" || (status.state === "open" && status.daysLeft <= UPCOMING_DAYS);
}

/**
 * How far ahead the deadlines a mandate implies are planned into the database: far enough that
 * a reminder 30 days before a deadline a year away already has its row.
 */
export const PLANNING_HORIZON_DAYS = 400;

export function planningHorizon(today: CalendarDate): CalendarDate {
  return addDays(today, PLANNING_HORIZON_DAYS);
}

/**
 * How far back recurring duties are planned: two years before today. A weekly duty "since 1980"
 * makes some 160 rows, not 2 400, and `/frist all` still shows two years of record (missed,
 * done, waived). Rows planned earlier stay (see planDeadlineRows).
 */
export const PLANNING_PAST_YEARS = 2;

export function planningStart(today: CalendarDate): CalendarDate {
  return addYears(today, -PLANNING_PAST_YEARS);
}

/**
 * How far to plan a committee's recurring duties: the horizon, or further if an occurrence is
 * already stored beyond it (a plan ending before it would remove it). Deadlines written in the
 * mandate are planned whatever their date, so one years away does not stretch the recurring plan.
 */
export function planThrough(today: CalendarDate, stored: readonly Pick<Deadline, "dueDate" | "source">[]): CalendarDate {
  return stored.filter((d) => d.source === "obligation").reduce((last, d) => (d.dueDate > last ? d.dueDate : last), planningHorizon(today));
}

/** The window a plan made on `today` covers, given the rows already stored. */
export function planningWindow(today: CalendarDate, stored: readonly Pick<Deadline, "dueDate" | "source">[]): PlanningWindow {
  return { from: planningStart(today), through: planThrough(today, stored) };
}

type StoredRow = Parameters<typeof reconcileDeadlines>[1][number];

/**
 * The changes that bring a committee's stored rows in line with its mandate, planning recurring
 * duties only inside `window`. A row before the window is judged by the mandate, not by the
 * window: one the mandate still implies stays (and, while open, follows its title and owner);
 * one it no longer implies goes, as it would have without a window. So the window moving on
 * never removes a row, and a weekly duty since 1980 is never planned back to 1980.
 */
export function planDeadlineRows(mandate: Mandate, window: PlanningWindow, stored: readonly StoredRow[]): DeadlineReconciliation {
  const planned = plannedDeadlines(mandate, window);
  const inPlan = new Set(planned.map((p) => p.sourceKey));
  const earlier = stored.flatMap((row) =>
    row.sourceKey && row.dueDate < window.from && !inPlan.has(row.sourceKey) ? (impliedOccurrence(mandate, row.sourceKey) ?? []) : [],
  );
  return reconcileDeadlines([...planned, ...earlier], stored);
}

/** The same limit as a title in a mandate file. */
export const TITLE_MAX_LENGTH = MANDATE_LIMITS.title;

/**
 * The rules for a deadline added by hand: a title of 1 to TITLE_MAX_LENGTH characters, and a
 * due date no earlier than the committee's today and no later than LATEST_YEAR. Returns the title as stored; refusals are in
 * the committee's language.
 */
export function checkManualDeadline(
  input: { title: string; dueDate: CalendarDate },
  today: CalendarDate,
  language: Language,
): { title: string } {
  const title = input.title.trim();
  if (title === "") throw new MandatError("title_missing", {}, { language });
  if ([...title].length > TITLE_MAX_LENGTH) throw new MandatError("title_too_long", { max: TITLE_MAX_LENGTH }, { language });
  if (input.dueDate < today) throw new MandatError("date_in_past", { date: input.dueDate }, { language });
  if (!isYearInRange(yearOf(input.dueDate))) {
    throw new MandatError("date_out_of_range", { input: input.dueDate, from: EARLIEST_YEAR, to: LATEST_YEAR }, { language });
  }
  return { title };
}

/** A waive reason is kept with the deadline and shown in every list of it. */
export const REASON_MAX_LENGTH = 500;

/** The rules for a waive reason: 1 to REASON_MAX_LENGTH characters. Returns the reason as stored. */
export function checkWaiveReason(reason: string, id: number): string {
  const trimmed = reason.trim();
  if (trimmed === "") throw new MandatError("waive_reason_missing", { id });
  if ([...trimmed].length > REASON_MAX_LENGTH) throw new MandatError("waive_reason_too_long", { max: REASON_MAX_LENGTH });
  return trimmed;
}

/**
 * How two hand-added titles are compared for "the same deadline": whitespace collapsed (as the
 * command parser already does), Unicode NFC, and lower case, so "Slutrapport", "slutrapport"
 * and "SLUTRAPPORT" are one deadline, as are "Årsrapport" and "årsrapport". Computed here, not
 * by the database's `lower()`, so that the answer does not depend on a server's locale.
 * Accents are not folded: "Møde" and "Mode" stay two titles.
 */
export function deadlineTitleKey(title: string): string {
  return title.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Adding a deadline by hand: stored, or an open one with the same day and title was already there. */
export type ManualDeadlineAdded = { kind: "added"; deadline: Deadline } | { kind: "already_exists"; deadline: Deadline };
