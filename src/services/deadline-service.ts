import { canEditDeadlines, deadlineOpenToPublic } from "../domain/access.js";
import { type CalendarDate, dateInZone } from "../domain/calendar-date.js";
import { type Caller, callerLabel } from "../domain/caller.js";
import type { Committee } from "../domain/committee.js";
import {
  checkManualDeadline,
  checkWaiveReason,
  type Deadline,
  type DeadlineCursor,
  type DeadlineListing,
  type DeadlineStatusAt,
  deadlineStateAt,
  LISTED_MAX,
} from "../domain/deadline.js";
import { MandatError } from "../domain/errors.js";
import type { CommitteeDirectory, VisibleCommittee } from "./committee-directory.js";
import type { DeadlineRepository, DeadlineScope } from "./ports.js";

/** A deadline as someone sees it at a moment. */
export interface DeadlineView {
  deadline: Deadline;
  committee: Committee;
  status: DeadlineStatusAt;
}

/** The row's state at `now`, from the closing day stored with it. */
function viewAt(deadline: Deadline, committee: Committee, now: Date): DeadlineView {
  return {
    deadline,
    committee,
    status: deadlineStateAt(deadline, { instant: now, zone: committee.timeZone, closesOn: deadline.closesOn ?? undefined }),
  };
}

/** Whose deadlines a list shows: some committees the caller may see, or every public one. */
export type ListScope =
  | { kind: "committees"; committees: readonly VisibleCommittee[] }
  /** Every public committee of the caller's workspace, seen from outside (the caller sits on none). */
  | { kind: "public" };

/** A page of a listing: its deadlines, how many the whole list has, and where the next page starts. */
export interface ListedDeadlines {
  items: DeadlineView[];
  /** Deadlines in the list from this page on; when `totalIsAtLeast`, at least that many (counted up to COUNTED_MAX). */
  total: number;
  totalIsAtLeast: boolean;
  /** Set when there are more after this page. */
  next?: DeadlineCursor | undefined;
}

/** Deadlines in a list are counted up to this many: a list that long is read a page at a time anyway. */
export const COUNTED_MAX = 1000;

/**
 * Listing, adding, completing and waiving deadlines. Listing only reads: the rows a mandate
 * implies are planned ahead by DeadlinePlanner (at import and by the daily job), never here.
 */
export class DeadlineService {
  constructor(
    private readonly directory: CommitteeDirectory,
    private readonly deadlines: DeadlineRepository,
  ) {}

  /**
   * A page of the deadlines of `scope` as they stood at `now`, soonest first. The database
   * picks the page from each row's stored state (its due date, status and closing day), so a
   * list costs the same whether the scope has three committees or a thousand.
   */
  async list(
    caller: Caller,
    scope: ListScope,
    listing: DeadlineListing,
    now: Date,
    page: { limit?: number; after?: DeadlineCursor | undefined } = {},
  ): Promise<ListedDeadlines> {
    const limit = page.limit ?? LISTED_MAX;
    const known = new Map(scope.kind === "committees" ? scope.committees.map((v) => [v.committee.id, v.committee]) : []);
    const where: DeadlineScope =
      scope.kind === "public"
        ? { kind: "public", workspaceId: caller.workspaceId }
        : {
            kind: "committees",
            committeeIds: [...known.keys()],
            outsiderIds: scope.committees.filter((v) => v.roles.length === 0).map((v) => v.committee.id),
          };
    const zones = scope.kind === "public" ? await this.deadlines.zonesOf(where) : [...known.values()].map((c) => c.timeZone);
    const todayIn = new Map(zones.map((zone) => [zone, dateInZone(now, zone)]));
    // One more than the page: whether there is a next page, without counting again.
    const { rows, total } = await this.deadlines.page({
      scope: where,
      listing,
      now,
      todayIn,
      after: page.after,
      limit: limit + 1,
      countUpTo: COUNTED_MAX,
    });
    const shown = rows.slice(0, limit);
    const missing = [...new Set(shown.map((d) => d.committeeId))].filter((id) => !known.has(id));
    for (const committee of await this.directory.byIds(missing)) known.set(committee.id, committee);
    const items = shown.flatMap((deadline) => {
      const committee = known.get(deadline.committeeId);
      return committee ? [viewAt(deadline, committee, now)] : [];
    });
    const last = shown.at(-1);
    return {
      items,
      total,
      totalIsAtLeast: total >= COUNTED_MAX,
      ...(rows.length > limit && last ? { next: { dueDate: last.dueDate, id: last.id } } : {}),
    };
  }

  async add(caller: Caller, target: VisibleCommittee, input: { dueDate: CalendarDate; title: string }, now: Date): Promise<DeadlineView> {
    const { committee, roles } = target;
    const language = committee.mandate.language;
    if (!canEditDeadlines(roles)) throw new MandatError("not_allowed_to_edit_deadlines", { committee: committee.slug }, { language });
    const { title } = checkManualDeadline(input, dateInZone(now, committee.timeZone), language);
    const added = await this.deadlines.addManual({
      committeeId: committee.id,
      title,
      dueDate: input.dueDate,
      // A deadline added by hand is the secretariat's to follow up, whoever typed it.
      owner: { role: "secretariat" },
      createdAt: now,
      createdBy: callerLabel(caller),
    });
    if (added.kind === "already_exists") {
      // A retried request, a double submit or a colleague who was quicker: the caller is told its number.
      const { id, title: existing, dueDate } = added.deadline;
      throw new MandatError("deadline_already_exists", { id, title: existing, date: dueDate }, { language });
    }
    return viewAt(added.deadline, committee, now);
  }

  complete(caller: Caller, id: number, now: Date): Promise<DeadlineView> {
    return this.resolve(caller, id, { status: "done" }, now);
  }

  waive(caller: Caller, id: number, reason: string, now: Date): Promise<DeadlineView> {
    return this.resolve(caller, id, { status: "waived", reason: checkWaiveReason(reason, id) }, now);
  }

  private async resolve(
    caller: Caller,
    id: number,
    change: { status: "done" | "waived"; reason?: string },
    now: Date,
  ): Promise<DeadlineView> {
    const deadline = await this.deadlines.byId(id);
    // A deadline of a committee the caller cannot see (another workspace, members only) does not exist for them.
    const visible = deadline && (await this.directory.byId(caller, deadline.committeeId));
    if (!deadline || !visible) throw new MandatError("unknown_deadline", { id });
    const since = visible.roles.length === 0 ? (visible.committee.publicSince ?? undefined) : undefined;
    if (!deadlineOpenToPublic(deadline, since)) throw new MandatError("unknown_deadline", { id });
    const language = visible.committee.mandate.language;
    if (!canEditDeadlines(visible.roles)) {
      throw new MandatError("not_allowed_to_edit_deadlines", { committee: visible.committee.slug }, { language });
    }
    if (deadline.status !== "open") throw new MandatError("deadline_already_resolved", { id, status: deadline.status }, { language });
    const resolved = await this.deadlines.resolve({
      id,
      status: change.status,
      at: now,
      by: callerLabel(caller),
      ...(change.reason ? { reason: change.reason } : {}),
    });
    if (!resolved) throw new MandatError("deadline_already_resolved", { id, status: change.status }, { language });
    return viewAt(resolved, visible.committee, now);
  }
}
