import { publicSince } from "../domain/access.js";
import type { CalendarDate } from "../domain/calendar-date.js";
import type { Mandate } from "../domain/mandate.js";
import type { SeatToStore } from "../domain/roster.js";
import type {
  CommitteeColumns,
  CommitteeForImport,
  CommitteeRef,
  ImportedFileToRecord,
  MandateWriter,
  NewCommittee,
} from "../services/ports.js";
import type { Client } from "./client.js";
import { toCalendarDate, toDate, toJson } from "./convert.js";
import { Prisma } from "./generated/client.js";
import type { MandateCache } from "./mandate-cache.js";

/**
 * Rows as one JSON parameter, read back with jsonb_to_recordset: a thousand rows cost one
 * statement with one parameter. Prisma's createMany binds every value as its own parameter,
 * which on the embedded database costs about six times as much per row (measured, see
 * docs/decisions/2026-11-23-import-at-scale.md).
 */
function recordset(rows: readonly object[]): Prisma.Sql {
  return Prisma.sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`;
}

/** The database's own words for why a raw statement failed, which Prisma keeps deep in `meta`. */
function databaseMessage(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const adapterError = (error.meta as { driverAdapterError?: { cause?: { message?: unknown; originalMessage?: unknown } } } | undefined)
    ?.driverAdapterError;
  const said = adapterError?.cause?.originalMessage ?? adapterError?.cause?.message;
  return typeof said === "string" ? said : undefined;
}

/**
 * A raw statement. When it fails, Prisma's message is "Raw query failed" without the reason
 * (the embedded database's adapter); the error thrown ends with the database's own words, as
 * the import's refusal of a file quotes its last line.
 */
async function raw<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    const said = databaseMessage(error);
    if (said === undefined || !(error instanceof Error) || error.message.includes(said)) throw error;
    throw new Error(`${error.message}\n${said}`, { cause: error });
  }
}

/** The instant as the `timestamp(3)` columns Prisma writes hold it: UTC, without a zone. */
function utc(instant: Date): string {
  return instant.toISOString().replace("Z", "");
}

/** The writes of an import, on the client of the transaction that holds the committee's lock. */
export class PrismaMandateWriter implements MandateWriter {
  constructor(
    private readonly tx: Client,
    private readonly cache: MandateCache,
  ) {}

  async findManyForImport(committees: readonly CommitteeRef[]): Promise<(CommitteeForImport & CommitteeRef)[]> {
    if (committees.length === 0) return [];
    const rows = await this.tx.committee.findMany({
      where: { OR: committees.map(({ workspaceId, slug }) => ({ workspaceId, slug })) },
      include: { versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true } }, members: true },
    });
    return rows.map((row) => ({
      workspaceId: row.workspaceId,
      slug: row.slug,
      id: row.id,
      latestVersion: row.versions[0],
      roster: row.members.map((m) => ({
        id: m.id,
        committeeId: m.committeeId,
        seatId: m.seatId,
        role: m.role,
        email: m.email,
        slackUserId: m.slackUserId,
      })),
      channel: { named: row.slackChannel, id: row.slackChannelId },
    }));
  }

  async createCommittees(committees: readonly NewCommittee[]): Promise<(CommitteeRef & { id: number })[]> {
    if (committees.length === 0) return [];
    const created = await raw(this.tx.$queryRaw<(CommitteeRef & { id: number })[]>`
      INSERT INTO "Committee" ("workspaceId", "slug", "language", "timeZone", "country", "visibility", "slackChannel",
        "slackChannelId", "names", "shortName", "createdAt", "plannedThrough")
      SELECT r."workspaceId", r."slug", r."language", r."timeZone", r."country", r."visibility"::"Visibility", r."slackChannel",
        r."slackChannelId", r."names", r."shortName", r."createdAt", r."plannedThrough"
      FROM ${recordset(
        committees.map((c) => ({
          workspaceId: c.workspaceId,
          slug: c.slug,
          ...c.columns,
          createdAt: utc(c.createdAt),
          plannedThrough: c.plannedThrough,
        })),
      )} AS r("workspaceId" text, "slug" text, "language" text, "timeZone" text, "country" text, "visibility" text,
        "slackChannel" text, "slackChannelId" text, "names" jsonb, "shortName" text, "createdAt" timestamp(3), "plannedThrough" date)
      RETURNING "id", "workspaceId", "slug"`);
    const ids = new Map(created.map((c) => [`${c.workspaceId}/${c.slug}`, c.id]));
    const idOf = (c: CommitteeRef) => {
      const id = ids.get(`${c.workspaceId}/${c.slug}`);
      if (id === undefined) throw new Error(`committee ${c.slug} of ${c.workspaceId} was not created`);
      return id;
    };
    await raw(this.tx.$executeRaw`
      INSERT INTO "MandateVersion" ("committeeId", "number", "contentHash", "content", "visibility", "sourceFile", "importedAt")
      SELECT r."committeeId", 1, r."contentHash", r."content", r."visibility"::"Visibility", r."sourceFile", r."importedAt"
      FROM ${recordset(
        committees.map((c) => ({
          committeeId: idOf(c),
          contentHash: c.version.contentHash,
          content: c.version.mandate,
          visibility: c.version.mandate.visibility,
          sourceFile: c.version.sourceFile,
          importedAt: utc(c.createdAt),
        })),
      )} AS r("committeeId" int, "contentHash" text, "content" jsonb, "visibility" text, "sourceFile" text, "importedAt" timestamp(3))`);
    const seats = committees.flatMap((c) => c.roster.map((seat) => ({ committeeId: idOf(c), ...seat })));
    if (seats.length > 0) {
      await raw(this.tx.$executeRaw`
        INSERT INTO "Member" ("committeeId", "seatId", "role", "title", "organisation", "name", "email", "slackUserId")
        SELECT r."committeeId", r."seatId", r."role"::"MemberRole", r."title", r."organisation", r."name", r."email", r."slackUserId"
        FROM ${recordset(seats)} AS r("committeeId" int, "seatId" text, "role" text, "title" text, "organisation" text,
          "name" text, "email" text, "slackUserId" text)`);
    }
    // The same rows planning stores (src/db/deadline-repository.ts applyReconciliation), for
    // committees that have none yet.
    const deadlines = committees.flatMap((c) => c.deadlines.map((d) => ({ committeeId: idOf(c), ...d, createdAt: utc(c.createdAt) })));
    if (deadlines.length > 0) {
      await raw(this.tx.$executeRaw`
        INSERT INTO "Deadline" ("committeeId", "sourceKey", "source", "title", "owner", "recipient", "clause", "dueDate", "closesOn", "createdAt")
        SELECT r."committeeId", r."sourceKey", r."source"::"DeadlineSource", r."title", r."owner", r."recipient", r."clause",
          r."dueDate", r."closesOn", r."createdAt"
        FROM ${recordset(deadlines)} AS r("committeeId" int, "sourceKey" text, "source" text, "title" text, "owner" jsonb,
          "recipient" text, "clause" text, "dueDate" date, "closesOn" date, "createdAt" timestamp(3))`);
    }
    return created;
  }

  async recordImportedFiles(files: readonly ImportedFileToRecord[]): Promise<void> {
    if (files.length === 0) return;
    // One row per committee: what was remembered of these committees goes first. A key another
    // committee held (the same bytes went elsewhere before) now names this one.
    await this.tx.importedFile.deleteMany({ where: { committeeId: { in: files.map((f) => f.committeeId) } } });
    await raw(this.tx.$executeRaw`
      INSERT INTO "ImportedFile" ("key", "committeeId", "workspaceId", "contentHash")
      SELECT r."key", r."committeeId", r."workspaceId", r."contentHash"
      FROM ${recordset(files)} AS r("key" text, "committeeId" int, "workspaceId" text, "contentHash" text)
      ON CONFLICT ("key") DO UPDATE
      SET "committeeId" = EXCLUDED."committeeId", "workspaceId" = EXCLUDED."workspaceId", "contentHash" = EXCLUDED."contentHash"`);
  }

  async updateCommittee(committeeId: number, columns: CommitteeColumns): Promise<void> {
    await this.tx.committee.update({ where: { id: committeeId }, data: { ...columns, names: toJson(columns.names) } });
  }

  async addVersion(input: {
    committeeId: number;
    number: number;
    contentHash: string;
    mandate: Mandate;
    sourceFile: string;
    importedAt: Date;
  }) {
    await this.tx.mandateVersion.create({
      data: {
        committeeId: input.committeeId,
        number: input.number,
        contentHash: input.contentHash,
        content: toJson(input.mandate),
        visibility: input.mandate.visibility,
        sourceFile: input.sourceFile,
        importedAt: input.importedAt,
      },
    });
    // Whether non-members may see the committee's record from before this version follows from
    // the whole history: kept on the committee so lists need not read it.
    const versions = await this.tx.mandateVersion.findMany({
      where: { committeeId: input.committeeId },
      select: { number: true, importedAt: true, visibility: true },
    });
    await this.tx.committee.update({ where: { id: input.committeeId }, data: { publicSince: publicSince(versions) ?? null } });
  }

  async replaceRoster(committeeId: number, seats: SeatToStore[]): Promise<void> {
    await this.tx.member.deleteMany({ where: { committeeId } });
    await this.tx.member.createMany({ data: seats.map(({ seatId, ...seat }) => ({ committeeId, seatId, ...seat })) });
  }

  async planningState(
    committeeId: number,
  ): Promise<{ mandate: Mandate; timeZone: string; plannedThrough: CalendarDate | null } | undefined> {
    const row = await this.tx.committee.findUnique({
      where: { id: committeeId },
      select: { timeZone: true, plannedThrough: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
    });
    const latest = row?.versions[0];
    if (!row || !latest) return undefined;
    let mandate = this.cache.get(latest.id);
    if (!mandate) {
      const version = await this.tx.mandateVersion.findUniqueOrThrow({ where: { id: latest.id }, select: { content: true } });
      mandate = this.cache.parse(latest.id, version.content);
    }
    return { mandate, timeZone: row.timeZone, plannedThrough: row.plannedThrough ? toCalendarDate(row.plannedThrough) : null };
  }

  async setPlannedThrough(committeeId: number, date: CalendarDate): Promise<void> {
    await this.tx.committee.update({ where: { id: committeeId }, data: { plannedThrough: toDate(date) } });
  }
}
