import type { CalendarDate } from "../domain/calendar-date.js";
import {
  type Deadline,
  type DeadlineHead,
  type DeadlineReconciliation,
  deadlineTitleKey,
  type ManualDeadlineAdded,
  type PlannedDeadline,
} from "../domain/deadline.js";
import { Owner } from "../domain/mandate.js";
import type { DeadlineRepository } from "../services/ports.js";
import type { Client } from "./client.js";
import { toCalendarDate, toDate, toJson } from "./convert.js";
import type { Prisma } from "./generated/client.js";
import { violatedUniqueIndex } from "./unique-violation.js";

/**
 * One open hand-added deadline per committee, day and title key: the partial unique index of
 * migration 20261125000000_manual_deadline_once (schema.prisma cannot declare it).
 */
export const OPEN_MANUAL_DEADLINE_INDEX = "Deadline_open_manual_title_key";

type DeadlineRow = Prisma.DeadlineGetPayload<object>;

function toDeadline(row: DeadlineRow): Deadline {
  return {
    id: row.id,
    committeeId: row.committeeId,
    source: row.source,
    sourceKey: row.sourceKey,
    title: row.title,
    owner: Owner.parse(row.owner),
    recipient: row.recipient,
    clause: row.clause,
    dueDate: toCalendarDate(row.dueDate),
    status: row.status,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
    waiveReason: row.waiveReason,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

function plannedRow(committeeId: number, planned: PlannedDeadline, createdAt: Date) {
  return {
    committeeId,
    sourceKey: planned.sourceKey,
    source: planned.source,
    title: planned.title,
    owner: toJson(planned.owner),
    recipient: planned.recipient,
    clause: planned.clause,
    dueDate: toDate(planned.dueDate),
    createdAt,
  };
}

/** Deadlines. Rows planned from a mandate are unique per (committee, sourceKey). */
export class PrismaDeadlineRepository implements DeadlineRepository {
  constructor(private readonly db: Client) {}

  async forCommittees(committeeIds: number[]): Promise<Deadline[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.db.deadline.findMany({
      where: { committeeId: { in: committeeIds } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return rows.map(toDeadline);
  }

  async headsOf(committeeIds: number[]): Promise<DeadlineHead[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.db.deadline.findMany({
      where: { committeeId: { in: committeeIds } },
      select: {
        id: true,
        committeeId: true,
        source: true,
        sourceKey: true,
        dueDate: true,
        status: true,
        resolvedAt: true,
        createdAt: true,
      },
    });
    return rows.map((row) => ({ ...row, dueDate: toCalendarDate(row.dueDate) }));
  }

  async byIds(ids: number[]): Promise<Deadline[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.deadline.findMany({ where: { id: { in: ids } } });
    return rows.map(toDeadline);
  }

  async byId(id: number): Promise<Deadline | undefined> {
    const row = await this.db.deadline.findUnique({ where: { id } });
    return row ? toDeadline(row) : undefined;
  }

  async plannedOf(committeeId: number): Promise<Deadline[]> {
    const rows = await this.db.deadline.findMany({ where: { committeeId, sourceKey: { not: null } } });
    return rows.map(toDeadline);
  }

  async applyReconciliation(committeeId: number, plan: DeadlineReconciliation, now: Date): Promise<void> {
    if (plan.create.length > 0) {
      // A row that already exists under its key is left alone: planning twice never doubles one.
      await this.db.deadline.createMany({ data: plan.create.map((p) => plannedRow(committeeId, p, now)), skipDuplicates: true });
    }
    for (const { id, planned } of plan.update) {
      const { committeeId: _unchanged, createdAt: _kept, ...data } = plannedRow(committeeId, planned, now);
      // Only while still open: a deadline resolved meanwhile keeps what was resolved.
      await this.db.deadline.updateMany({ where: { id, status: "open" }, data });
    }
    if (plan.remove.length > 0) {
      await this.db.deadline.deleteMany({ where: { id: { in: plan.remove }, status: "open" } });
    }
  }

  async addManual(input: {
    committeeId: number;
    title: string;
    dueDate: CalendarDate;
    owner: Owner;
    createdAt: Date;
    createdBy: string;
  }): Promise<ManualDeadlineAdded> {
    const titleKey = deadlineTitleKey(input.title);
    const same = { committeeId: input.committeeId, dueDate: toDate(input.dueDate), titleKey, source: "manual", status: "open" } as const;
    // Insert first and let the index decide: a read-then-write check would let two requests at
    // once both pass it. The one that loses finds the winner's row. Should that row be resolved
    // in between (so the insert could succeed now), try again; three rounds are plenty.
    for (let round = 0; round < 3; round++) {
      try {
        const row = await this.db.deadline.create({
          data: {
            committeeId: input.committeeId,
            source: "manual",
            title: input.title,
            titleKey,
            owner: toJson(input.owner),
            dueDate: toDate(input.dueDate),
            createdAt: input.createdAt,
            createdBy: input.createdBy,
          },
        });
        return { kind: "added", deadline: toDeadline(row) };
      } catch (error) {
        if (violatedUniqueIndex(error) !== OPEN_MANUAL_DEADLINE_INDEX) throw error;
      }
      const existing = await this.db.deadline.findFirst({ where: same, orderBy: { id: "asc" } });
      if (existing) return { kind: "already_exists", deadline: toDeadline(existing) };
    }
    throw new Error(`could not add deadline "${input.title}" to committee ${input.committeeId}: its twin kept appearing and disappearing`);
  }

  async resolve(input: { id: number; status: "done" | "waived"; at: Date; by: string; reason?: string }): Promise<Deadline | undefined> {
    const { count } = await this.db.deadline.updateMany({
      where: { id: input.id, status: "open" },
      data: { status: input.status, resolvedAt: input.at, resolvedBy: input.by, waiveReason: input.reason ?? null },
    });
    return count === 1 ? this.byId(input.id) : undefined;
  }
}
