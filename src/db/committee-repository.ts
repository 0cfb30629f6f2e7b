import type { Caller } from "../domain/caller.js";
import type { Committee, MandateVersionInfo } from "../domain/committee.js";
import type { Mandate, MemberRole } from "../domain/mandate.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { CommitteeNames, CommitteeRepository, CommitteeToPlan } from "../services/ports.js";
import type { Client } from "./client.js";
import { toCalendarDate } from "./convert.js";
import { Prisma } from "./generated/client.js";
import type { MandateCache } from "./mandate-cache.js";

/** A committee's row with its latest version's, as one query returns them. */
type CommitteeRow = Prisma.CommitteeGetPayload<object> & {
  versionId: number;
  versionNumber: number;
  versionImportedAt: Date;
  versionSourceFile: string;
  versionVisibility: "public" | "members";
};

/** Reads committees with their latest mandate version; version contents come from the cache. */
export class PrismaCommitteeRepository implements CommitteeRepository {
  constructor(
    private readonly db: Client,
    private readonly cache: MandateCache,
  ) {}

  inWorkspace(workspaceId: WorkspaceId): Promise<Committee[]> {
    return this.committees(Prisma.sql`c."workspaceId" = ${workspaceId}`);
  }

  all(): Promise<Committee[]> {
    return this.committees(Prisma.sql`TRUE`);
  }

  count(): Promise<number> {
    return this.db.committee.count();
  }

  async forPlanning(): Promise<CommitteeToPlan[]> {
    const rows = await this.db.committee.findMany({
      orderBy: [{ slug: "asc" }, { workspaceId: "asc" }],
      select: { id: true, workspaceId: true, slug: true, timeZone: true, plannedThrough: true },
    });
    return rows.map((row) => ({ ...row, plannedThrough: row.plannedThrough ? toCalendarDate(row.plannedThrough) : null }));
  }

  async byId(id: number): Promise<Committee | undefined> {
    const [committee] = await this.committees(Prisma.sql`c."id" = ${id}`);
    return committee;
  }

  async versions(committeeId: number): Promise<MandateVersionInfo[]> {
    return (await this.versionsOf([committeeId])).get(committeeId) ?? [];
  }

  async versionsOf(committeeIds: number[]): Promise<Map<number, MandateVersionInfo[]>> {
    const byCommittee = new Map<number, MandateVersionInfo[]>(committeeIds.map((id) => [id, []]));
    if (committeeIds.length === 0) return byCommittee;
    const rows = await this.db.mandateVersion.findMany({
      where: { committeeId: { in: committeeIds } },
      orderBy: [{ committeeId: "asc" }, { number: "desc" }],
      select: { id: true, committeeId: true, number: true, importedAt: true, sourceFile: true, visibility: true },
    });
    for (const { id, committeeId, ...info } of rows) {
      byCommittee.get(committeeId)?.push(info);
    }
    return byCommittee;
  }

  /**
   * The parsed mandates of these versions: from the cache, and the rest read and parsed (and
   * cached). Versions that no longer pass the schema are left out.
   */
  private async readContents(versionIds: number[]): Promise<Map<number, Mandate>> {
    const mandates = new Map<number, Mandate>();
    const unread: number[] = [];
    for (const id of versionIds) {
      const known = this.cache.get(id);
      if (known) mandates.set(id, known);
      else if (!this.cache.has(id)) unread.push(id);
    }
    if (unread.length === 0) return mandates;
    const contents = await this.db.mandateVersion.findMany({ where: { id: { in: unread } }, select: { id: true, content: true } });
    for (const { id, content } of contents) {
      const mandate = this.cache.tryParse(id, content);
      if (mandate) mandates.set(id, mandate);
    }
    return mandates;
  }

  async atVersion(committee: Committee, number: number): Promise<Committee | undefined> {
    const row = await this.db.mandateVersion.findUnique({ where: { committeeId_number: { committeeId: committee.id, number } } });
    const mandate = row && this.cache.tryParse(row.id, row.content);
    if (!row || !mandate) return undefined;
    return {
      ...committee,
      mandate,
      version: { number: row.number, importedAt: row.importedAt, sourceFile: row.sourceFile, visibility: mandate.visibility },
    };
  }

  async rolesOf(caller: Caller): Promise<Map<number, MemberRole[]>> {
    const who = this.who(caller);
    const roles = new Map<number, MemberRole[]>();
    if (who.length === 0) return roles;
    // Through the indexes on the member's Slack id and e-mail, then the committee by key.
    const rows = await this.db.$queryRaw<{ committeeId: number; role: MemberRole }[]>`
      SELECT m."committeeId", m."role" FROM "Member" AS m JOIN "Committee" AS c ON c."id" = m."committeeId"
      WHERE c."workspaceId" = ${caller.workspaceId} AND (${Prisma.join(who, " OR ")})
      ORDER BY m."committeeId", m."id"`;
    for (const row of rows) roles.set(row.committeeId, [...(roles.get(row.committeeId) ?? []), row.role]);
    return roles;
  }

  byIds(ids: readonly number[]): Promise<Committee[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.committees(Prisma.sql`c."id" IN (${Prisma.join(ids)})`);
  }

  async bySlug(workspaceId: WorkspaceId, slug: string): Promise<Committee | undefined> {
    const [committee] = await this.committees(Prisma.sql`c."workspaceId" = ${workspaceId} AND c."slug" = ${slug}`);
    return committee;
  }

  async namesIn(workspaceId: WorkspaceId): Promise<CommitteeNames[]> {
    const rows = await this.db.committee.findMany({
      where: { workspaceId },
      orderBy: { slug: "asc" },
      select: { id: true, slug: true, visibility: true, names: true, shortName: true },
    });
    // names is validated by the mandate schema on the way in (a map of language to name).
    return rows.map((row) => ({ ...row, names: row.names as Record<string, string> }));
  }

  async publicPage(
    workspaceId: WorkspaceId,
    options: { except: readonly number[]; offset: number; limit: number },
  ): Promise<{ committees: Committee[]; total: number }> {
    const except = options.except.length > 0 ? Prisma.sql`AND c."id" NOT IN (${Prisma.join(options.except)})` : Prisma.empty;
    // The page and how many there are in all, in one round trip.
    const rows = await this.db.$queryRaw<{ id: number; total: number }[]>`
      SELECT c."id", (count(*) OVER ())::int AS "total" FROM "Committee" AS c
      WHERE c."workspaceId" = ${workspaceId} AND c."visibility" = 'public' ${except}
      ORDER BY c."slug" OFFSET ${options.offset}::int LIMIT ${options.limit}::int`;
    const total =
      rows[0]?.total ??
      (options.offset > 0
        ? ((
            await this.db.$queryRaw<{ n: number }[]>`
              SELECT count(*)::int AS "n" FROM "Committee" AS c WHERE c."workspaceId" = ${workspaceId} AND c."visibility" = 'public' ${except}`
          )[0]?.n ?? 0)
        : 0);
    return { committees: await this.byIds(rows.map((r) => r.id)), total };
  }

  /**
   * Committees matching `condition` (on "Committee" c), by slug, each with its latest version in
   * the same query; a version's content is read only the first time it is seen.
   */
  private async committees(condition: Prisma.Sql): Promise<Committee[]> {
    const rows = await this.db.$queryRaw<
      CommitteeRow[]
    >`${this.select(Prisma.empty, Prisma.empty)} WHERE ${condition} ORDER BY c."slug", c."workspaceId"`;
    const mandates = await this.readContents(rows.map((row) => row.versionId));
    return rows.flatMap((row) => this.toCommittee(row, mandates));
  }

  /** The committees' columns with their latest version's, plus `extra` columns from `joins`. */
  private select(extra: Prisma.Sql, joins: Prisma.Sql): Prisma.Sql {
    return Prisma.sql`
      SELECT c.*, v."id" AS "versionId", v."number" AS "versionNumber", v."importedAt" AS "versionImportedAt",
        v."sourceFile" AS "versionSourceFile", v."visibility" AS "versionVisibility" ${extra}
      FROM "Committee" AS c ${joins}
      JOIN LATERAL (
        SELECT m."id", m."number", m."importedAt", m."sourceFile", m."visibility" FROM "MandateVersion" AS m
        WHERE m."committeeId" = c."id" ORDER BY m."number" DESC LIMIT 1
      ) AS v ON TRUE`;
  }

  async ofCaller(caller: Caller): Promise<{ committee: Committee; roles: MemberRole[] }[]> {
    const who = this.who(caller);
    if (who.length === 0) return [];
    // The caller's seats through the indexes on Slack id and e-mail, their committees by key.
    const rows = await this.db.$queryRaw<(CommitteeRow & { roles: MemberRole[] })[]>`${this.select(
      Prisma.sql`, r."roles"`,
      Prisma.sql`JOIN (
        SELECT m."committeeId", array_agg(m."role"::text ORDER BY m."id") AS "roles" FROM "Member" AS m
        WHERE ${Prisma.join(who, " OR ")} GROUP BY m."committeeId"
      ) AS r ON r."committeeId" = c."id"`,
    )} WHERE c."workspaceId" = ${caller.workspaceId} ORDER BY c."slug", c."workspaceId"`;
    const mandates = await this.readContents(rows.map((row) => row.versionId));
    return rows.flatMap((row) => this.toCommittee(row, mandates).map((committee) => ({ committee, roles: row.roles })));
  }

  /** How the caller is found on a roster: by Slack id, by e-mail (stored in lower case). */
  private who(caller: Caller): Prisma.Sql[] {
    return [
      ...(caller.slackUserId ? [Prisma.sql`m."slackUserId" = ${caller.slackUserId}`] : []),
      ...(caller.email ? [Prisma.sql`m."email" = ${caller.email.toLowerCase()}`] : []),
    ];
  }

  private toCommittee(row: CommitteeRow, mandates: ReadonlyMap<number, Mandate>): Committee[] {
    const mandate = mandates.get(row.versionId);
    if (!mandate) return [];
    return [
      {
        id: row.id,
        workspaceId: row.workspaceId,
        slug: row.slug,
        visibility: row.visibility,
        timeZone: row.timeZone,
        mandate,
        version: {
          number: row.versionNumber,
          importedAt: row.versionImportedAt,
          sourceFile: row.versionSourceFile,
          visibility: row.versionVisibility,
        },
        plannedThrough: row.plannedThrough ? toCalendarDate(row.plannedThrough) : null,
        channelId: row.slackChannelId,
        publicSince: row.publicSince,
      },
    ];
  }
}
