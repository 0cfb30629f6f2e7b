import { canEditDeadlines } from "../domain/access.js";
import { type CalendarDate, dateInZone } from "../domain/calendar-date.js";
import { type Caller, callerLabel } from "../domain/caller.js";
import type { Committee } from "../domain/committee.js";
import {
  checkManualDeadline,
  closesOn,
  type Deadline,
  type DeadlineListing,
  type DeadlineStatusAt,
  deadlineStateAt,
  isListed,
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
 * Listing, adding, completing and waiving deadlines. Listing only reads: the rows a mandate
 * implies are planned ahead by DeadlinePlanner (at import and by the daily job), never here.
 */
export class DeadlineService {
  constructor(
    private readonly directory: CommitteeDirectory,
    private readonly deadlines: DeadlineRepository,
  ) {}

  /** The deadlines of `scope` as they stood at `now`, soonest first. */
  async list(scope: VisibleCommittee[], listing: DeadlineListing, now: Date): Promise<DeadlineView[]> {
    const byId = new Map(scope.map((v) => [v.committee.id, v.committee]));
    const rows = await this.deadlines.forCommittees([...byId.keys()]);
    return rows
      .filter((d) => d.source !== "manual" || d.createdAt <= now)
      .flatMap((deadline) => {
        const committee = byId.get(deadline.committeeId);
        if (!committee) return [];
        const view = viewAt(deadline, committee, now);
        return isListed(view.status, listing) ? [view] : [];
      })
      .sort((a, b) =>
        a.deadline.dueDate < b.deadline.dueDate ? -1 : a.deadline.dueDate > b.deadline.dueDate ? 1 : a.deadline.id - b.deadline.id,
      );
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
    if (reason.trim() === "") throw new MandatError("waive_reason_missing", { id });
    return this.resolve(caller, id, { status: "waived", reason: reason.trim() }, now);
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
