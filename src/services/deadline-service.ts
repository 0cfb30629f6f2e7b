import { canEditDeadlines, deadlineOpenToPublic } from "../domain/access.js";
import { type CalendarDate, dateInZone } from "../domain/calendar-date.js";
import { type Caller, callerLabel } from "../domain/caller.js";
import type { Committee } from "../domain/committee.js";
import {
  checkManualDeadline,
  checkWaiveReason,
  closesOn,
  closingDays,
  type Deadline,
  type DeadlineHead,
  type DeadlineListing,
  type DeadlineStatusAt,
  deadlineStateAt,
  isListed,
  LISTED_MAX,
} from "../domain/deadline.js";
import { MandatError } from "../domain/errors.js";
import type { CommitteeDirectory, VisibleCommittee } from "./committee-directory.js";
import type { DeadlineRepository } from "./ports.js";

/** A deadline as someone sees it at a moment. */
export interface DeadlineView {
  deadline: Deadline;
  committee: Committee;
  status: DeadlineStatusAt;
}

function viewAt(deadline: Deadline, committee: Committee, now: Date): DeadlineView {
  return {
    deadline,
    committee,
    status: deadlineStateAt(deadline, { instant: now, zone: committee.timeZone, closesOn: closesOn(deadline, committee.mandate) }),
  };
}

/**
 * The state of each of many deadlines at `now`: per committee, the local date and each duty's
 * due days are worked out once, not once per row.
 */
function statesAt(now: Date): (deadline: DeadlineHead, committee: Committee) => DeadlineStatusAt {
  const perCommittee = new Map<number, { today: CalendarDate; closes: ReturnType<typeof closingDays> }>();
  return (deadline, committee) => {
    let known = perCommittee.get(committee.id);
    if (!known) {
      known = { today: dateInZone(now, committee.timeZone), closes: closingDays(committee.mandate) };
      perCommittee.set(committee.id, known);
    }
    return deadlineStateAt(deadline, { instant: now, zone: committee.timeZone, today: known.today, closesOn: known.closes(deadline) });
  };
}

/** A page of a listing: the first deadlines, and how many there are in all. */
export interface ListedDeadlines {
  items: DeadlineView[];
  total: number;
}

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
   * The deadlines of `scope` as they stood at `now`, soonest first: the first `limit` of them
   * whole, and how many there are. Which to list is decided on the rows without their texts, so
   * a committee with thousands of rows costs one narrow read and `limit` whole rows.
   */
  async list(scope: VisibleCommittee[], listing: DeadlineListing, now: Date, limit = LISTED_MAX): Promise<ListedDeadlines> {
    const byId = new Map(scope.map((v) => [v.committee.id, v.committee]));
    const [heads, publicSince] = await Promise.all([this.deadlines.headsOf([...byId.keys()]), this.directory.publicRecordSince(scope)]);
    const stateOf = statesAt(now);
    const listed = heads
      .filter((d) => d.source !== "manual" || d.createdAt <= now)
      .filter((d) => deadlineOpenToPublic(d, publicSince.get(d.committeeId)))
      .flatMap((head) => {
        const committee = byId.get(head.committeeId);
        if (!committee) return [];
        const status = stateOf(head, committee);
        return isListed(status, listing) ? [{ head, committee, status }] : [];
      })
      .sort((a, b) => (a.head.dueDate < b.head.dueDate ? -1 : a.head.dueDate > b.head.dueDate ? 1 : a.head.id - b.head.id));
    const shown = listed.slice(0, limit);
    const whole = new Map((await this.deadlines.byIds(shown.map((v) => v.head.id))).map((d) => [d.id, d]));
    // A row deleted between the two reads (a new mandate version) is left out.
    const items = shown.flatMap(({ head, committee, status }) => {
      const deadline = whole.get(head.id);
      return deadline ? [{ deadline, committee, status }] : [];
    });
    return { items, total: listed.length - (shown.length - items.length) };
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
    const visible = deadline && (await this.directory.visibleTo(caller)).find((v) => v.committee.id === deadline.committeeId);
    if (!deadline || !visible) throw new MandatError("unknown_deadline", { id });
    const since = (await this.directory.publicRecordSince([visible])).get(visible.committee.id);
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
