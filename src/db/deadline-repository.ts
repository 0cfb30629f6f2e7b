import type { CalendarDate } from "../domain/calendar-date.js";
import {
  type Deadline,
  type DeadlineReconciliation,
  deadlineTitleKey,
  type ManualDeadlineAdded,
  type PlannedDeadline,
  UPCOMING_DAYS,
} from "../domain/deadline.js";
import { Owner } from "../domain/mandate.js";
import type { DeadlinePageQuery, DeadlineRepository, DeadlineScope } from "../services/ports.js";
import type { Client } from "./client.js";
import { toCalendarDate, toDate, toJson } from "./convert.js";
import { Prisma } from "./generated/client.js";
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
    closesOn: row.closesOn ? toCalendarDate(row.closesOn) : null,
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
    closesOn: planned.closesOn ? toDate(planned.closesOn) : null,
    createdAt,
  };
}

/** The committees of a scope, as a condition on "Committee" c. */
function scopeCondition(scope: DeadlineScope): Prisma.Sql {
  if (scope.kind === "public") return Prisma.sql`c."workspaceId" = ${scope.workspaceId} AND c."visibility" = 'public'`;
  if (scope.committeeIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`c."id" IN (${Prisma.join(scope.committeeIds)})`;
}

/** The committees of a scope whose caller is not on their roster, as a condition on c. */
function outsiderCondition(scope: DeadlineScope): Prisma.Sql {
  if (scope.kind === "public") return Prisma.sql`TRUE`;
  if (scope.outsiderIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`c."id" IN (${Prisma.join(scope.outsiderIds)})`;
}

/**
 * The WHERE of a list, on "Deadline" d joined with its "Committee" c and the zone's today z.today.
 * The same rules as the domain (tests/integration/deadline-page.test.ts holds them equal):
 * - a hand-added deadline exists from when it was added (createdAt <= now);
 * - outsiders do not see the members-only record (access.ts deadlineOpenToPublic): nothing
 *   resolved, nor added by hand, before the committee's publicSince;
 * - "upcoming" (deadline.ts isListed of deadlineStateAt): still owed at `now` (open, or resolved
 *   after it), due within UPCOMING_DAYS, and not closed (closesOn, when set, not before today).
 */
function listedCondition(query: DeadlinePageQuery): Prisma.Sql {
  const now = Prisma.sql`${query.now.toISOString()}::timestamp`;
  const conditions = [
    scopeCondition(query.scope),
    Prisma.sql`(d."source" <> 'manual' OR d."createdAt" <= ${now})`,
    Prisma.sql`NOT (${outsiderCondition(query.scope)} AND c."publicSince" IS NOT NULL AND (
      (d."status" <> 'open' AND d."resolvedAt" IS NOT NULL AND d."resolvedAt" < c."publicSince")
      OR (d."source" = 'manual' AND d."createdAt" < c."publicSince")))`,
  ];
  if (query.listing === "upcoming") {
    conditions.push(
      Prisma.sql`(d."status" = 'open' OR d."resolvedAt" IS NULL OR d."resolvedAt" > ${now})`,
      Prisma.sql`d."dueDate" <= z."today" + ${UPCOMING_DAYS}::int`,
      Prisma.sql`(d."closesOn" IS NULL OR d."closesOn" >= z."today")`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** Each time zone with its today, as a table z("zone", "today") to join on c."timeZone". */
function todayTable(todayIn: ReadonlyMap<string, string>): Prisma.Sql {
  const rows = [...todayIn].map(([zone, today]) => Prisma.sql`(${zone}::text, ${today}::date)`);
  // A scope without committees keeps no zone: a table with one row that matches none.
  if (rows.length === 0) return Prisma.sql`(VALUES (NULL::text, NULL::date)) AS z("zone", "today")`;
  return Prisma.sql`(VALUES ${Prisma.join(rows)}) AS z("zone", "today")`;
}

/** Deadlines. Rows planned from a mandate are unique per (committee, sourceKey). */
export class PrismaDeadlineRepository implements DeadlineRepository {
  constructor(private readonly db: Client) {}

  async page(query: DeadlinePageQuery): Promise<{ rows: Deadline[]; total: number }> {
    const from = Prisma.sql`"Deadline" AS d JOIN "Committee" AS c ON c."id" = d."committeeId" JOIN ${todayTable(query.todayIn)} ON z."zone" = c."timeZone"`;
    const listed = listedCondition(query);
    const after = query.after
      ? Prisma.sql`AND (d."dueDate", d."id") > (${query.after.dueDate}::date, ${query.after.id}::int)`
      : Prisma.empty;
    const rows = await this.db.$queryRaw<
      DeadlineRow[]
    >`SELECT d.* FROM ${from} WHERE ${listed} ${after} ORDER BY d."dueDate", d."id" LIMIT ${query.limit}::int`;
    // A page that is not full is the whole rest of the list: counting it again would tell nothing.
    if (rows.length < query.limit) return { rows: rows.map(toDeadline), total: rows.length };
    const [counted] = await this.db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS "n" FROM (SELECT 1 FROM ${from} WHERE ${listed} ${after} LIMIT ${query.countUpTo}::int) AS listed`;
    return { rows: rows.map(toDeadline), total: Math.max(rows.length, counted?.n ?? 0) };
  }

  async zonesOf(scope: DeadlineScope): Promise<string[]> {
    const rows = await this.db.$queryRaw<
      { zone: string }[]
    >`SELECT DISTINCT c."timeZone" AS "zone" FROM "Committee" AS c WHERE ${scopeCondition(scope)}`;
    return rows.map((r) => r.zone);
  }

  async forCommittees(committeeIds: number[]): Promise<Deadline[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.db.deadline.findMany({
      where: { committeeId: { in: committeeIds } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return rows.map(toDeadline);
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
    for (const { id, closesOn } of plan.reclose) {
      await this.db.deadline.update({ where: { id }, data: { closesOn: closesOn ? toDate(closesOn) : null } });
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
