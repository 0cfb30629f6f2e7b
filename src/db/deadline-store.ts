import type { CalendarDate } from "../domain/calendar-date.js";
import type { Deadline, DeadlineReconciliation, PlannedDeadline } from "../domain/deadline.js";
import { Owner } from "../domain/mandate.js";
import { toCalendarDate, toDate, toJson } from "./convert.js";
import type { Prisma, PrismaClient } from "./generated/client.js";

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

/** Reads and writes deadlines. Rows planned from a mandate are unique per (committee, sourceKey). */
export class DeadlineStore {
  constructor(private readonly prisma: PrismaClient) {}

  async forCommittees(committeeIds: number[]): Promise<Deadline[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.prisma.deadline.findMany({
      where: { committeeId: { in: committeeIds } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return rows.map(toDeadline);
  }

  async byId(id: number): Promise<Deadline | undefined> {
    const row = await this.prisma.deadline.findUnique({ where: { id } });
    return row ? toDeadline(row) : undefined;
  }

  /** The latest due date among a committee's planned rows (reconciliation must look that far). */
  async lastPlannedDue(committeeId: number, db: Prisma.TransactionClient = this.prisma): Promise<CalendarDate | undefined> {
    const row = await db.deadline.findFirst({
      where: { committeeId, sourceKey: { not: null } },
      orderBy: { dueDate: "desc" },
      select: { dueDate: true },
    });
    return row ? toCalendarDate(row.dueDate) : undefined;
  }

  async plannedOf(committeeId: number, db: Prisma.TransactionClient = this.prisma): Promise<Deadline[]> {
    const rows = await db.deadline.findMany({ where: { committeeId, sourceKey: { not: null } } });
    return rows.map(toDeadline);
  }

  /** Inserts planned rows; rows that already exist (same key) are left alone. */
  async insertPlanned(
    committeeId: number,
    planned: PlannedDeadline[],
    createdAt: Date,
    db: Prisma.TransactionClient = this.prisma,
  ): Promise<void> {
    if (planned.length === 0) return;
    await db.deadline.createMany({
      data: planned.map((p) => plannedRow(committeeId, p, createdAt)),
      skipDuplicates: true,
    });
  }

  async applyReconciliation(committeeId: number, plan: DeadlineReconciliation, now: Date, db: Prisma.TransactionClient): Promise<void> {
    await this.insertPlanned(committeeId, plan.create, now, db);
    for (const { id, planned } of plan.update) {
      const { committeeId: _unchanged, createdAt: _kept, ...data } = plannedRow(committeeId, planned, now);
      // Only while still open: a deadline resolved meanwhile keeps what was resolved.
      await db.deadline.updateMany({ where: { id, status: "open" }, data });
    }
    if (plan.remove.length > 0) {
      await db.deadline.deleteMany({ where: { id: { in: plan.remove }, status: "open" } });
    }
  }

  async addManual(input: {
    committeeId: number;
    title: string;
    dueDate: CalendarDate;
    owner: Owner;
    createdAt: Date;
    createdBy: string;
  }): Promise<Deadline> {
    const row = await this.prisma.deadline.create({
      data: {
        committeeId: input.committeeId,
        source: "manual",
        title: input.title,
        owner: toJson(input.owner),
        dueDate: toDate(input.dueDate),
        createdAt: input.createdAt,
        createdBy: input.createdBy,
      },
    });
    return toDeadline(row);
  }

  /**
   * Marks an open deadline done or waived. The status check is part of the update, so two
   * clicks (or two replicas) resolve it once; the loser gets `undefined`.
   */
  async resolve(input: { id: number; status: "done" | "waived"; at: Date; by: string; reason?: string }): Promise<Deadline | undefined> {
    const { count } = await this.prisma.deadline.updateMany({
      where: { id: input.id, status: "open" },
      data: { status: input.status, resolvedAt: input.at, resolvedBy: input.by, waiveReason: input.reason ?? null },
    });
    return count === 1 ? this.byId(input.id) : undefined;
  }
}
