import { addDays, type CalendarDate, dateInZone, daysBetween } from "./calendar-date.js";
import { MandatError } from "./errors.js";
import type { Language } from "./language.js";
import type { FixedDeadline, Mandate, Obligation, Owner } from "./mandate.js";
import { type DateWindow, nextDueDate, obligationDueDates, obligationPeriod } from "./obligation-schedule.js";

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
  at: { instant: Date; zone: string; closesOn?: CalendarDate | undefined },
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

/** The deadlines a mandate implies up to `through`: its fixed deadlines and every occurrence of its duties. */
export function plannedDeadlines(mandate: Mandate, through: CalendarDate): PlannedDeadline[] {
  const fixed = (mandate.deadlines ?? []).map<PlannedDeadline>((d) => ({
    source: "mandate_clause",
    sourceKey: fixedDeadlineKey(d),
    title: d.title,
    owner: d.owner,
    recipient: d.to ?? null,
    clause: d.clause ?? null,
    dueDate: d.due,
  }));
  const window: DateWindow = { from: mandate.valid.from, to: through };
  const recurring = (mandate.obligations ?? []).flatMap((o) =>
    obligationDueDates(o, mandate, window).map<PlannedDeadline>((due) => ({
      source: "obligation",
      sourceKey: occurrenceKey(o, due),
      title: o.title,
      owner: o.owner,
      recipient: o.to ?? null,
      clause: o.clause ?? null,
      dueDate: due,
    })),
  );
  return [...fixed, ...recurring];
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
  const afterPeriod = (until: CalendarDate | undefined) => {
    if (!until) return undefined;
    const grace = addDays(deadline.dueDate, UPCOMING_DAYS);
    return grace > until ? grace : until;
  };
  if (deadline.source === "mandate_clause") return afterPeriod(mandate.valid.until);
  if (deadline.source !== "obligation" || !deadline.sourceKey) return undefined;
  const obligationId = deadline.sourceKey.split(":")[1];
  const obligation = mandate.obligations?.find((o) => o.id === obligationId);
  if (!obligation) return deadline.dueDate; // the duty left the mandate: nothing more is owed
  return nextDueDate(obligation, mandate, deadline.dueDate) ?? afterPeriod(obligationPeriod(obligation, mandate).until);
}

export interface DeadlineReconciliation {
  create: PlannedDeadline[];
  update: { id: number; planned: PlannedDeadline }[];
  remove: number[];
}

/**
 * Brings stored mandate deadlines in line with a new mandate version. Open rows follow the
 * plan (new dates, titles, owners); rows nobody has resolved and the plan no longer holds are
 * removed; done and waived rows are history and stay as they are.
 */
export function reconcileDeadlines(
  planned: PlannedDeadline[],
  stored: Pick<Deadline, "id" | "sourceKey" | "status" | "title" | "owner" | "recipient" | "clause" | "dueDate">[],
): DeadlineReconciliation {
  const byKey = new Map(stored.filter((d) => d.sourceKey).map((d) => [d.sourceKey as string, d]));
  const plannedKeys = new Set(planned.map((p) => p.sourceKey));
  const result: DeadlineReconciliation = { create: [], update: [], remove: [] };
  for (const p of planned) {
    const existing = byKey.get(p.sourceKey);
    if (!existing) result.create.push(p);
    else if (existing.status === "open" && !samePlan(existing, p)) result.update.push({ id: existing.id, planned: p });
  }
  for (const d of stored) {
    if (d.sourceKey && d.status === "open" && !plannedKeys.has(d.sourceKey)) result.remove.push(d.id);
  }
  return result;
}

function samePlan(stored: Pick<Deadline, "title" | "owner" | "recipient" | "clause" | "dueDate">, planned: PlannedDeadline): boolean {
  return (
    stored.title === planned.title &&
    stored.dueDate === planned.dueDate &&
    stored.recipient === planned.recipient &&
    stored.clause === planned.clause &&
    JSON.stringify(stored.owner) === JSON.stringify(planned.owner)
  );
}

/** Which deadlines `/frist` shows. */
export type DeadlineListing = "upcoming" | "all";
export const UPCOMING_DAYS = 90;

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
 * How far to plan a committee's recurring duties: the horizon, or further if an occurrence is
 * already stored beyond it (a plan ending before it would remove it). Deadlines written in the
 * mandate are planned whatever their date, so one years away does not stretch the recurring plan.
 */
export function planThrough(today: CalendarDate, stored: readonly Pick<Deadline, "dueDate" | "source">[]): CalendarDate {
  return stored.filter((d) => d.source === "obligation").reduce((last, d) => (d.dueDate > last ? d.dueDate : last), planningHorizon(today));
}

export const TITLE_MAX_LENGTH = 200;

/**
 * The rules for a deadline added by hand: a title of 1 to TITLE_MAX_LENGTH characters, and a
 * due date no earlier than the committee's today. Returns the title as stored; refusals are in
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
  return { title };
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
