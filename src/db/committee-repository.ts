import type { Caller } from "../domain/caller.js";
import type { Committee, MandateVersionInfo } from "../domain/committee.js";
import type { Mandate, MemberRole } from "../domain/mandate.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { CommitteeNames, CommitteeRepository, CommitteeToPlan } from "../services/ports.js";
import type { Client } from "./client.js";
import { toCalendarDate } from "./convert.js";
import type { Prisma } from "./generated/client.js";
import type { MandateCache } from "./mandate-cache.js";

const WITH_LATEST_VERSION = {
  versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, importedAt: true, sourceFile: true } },
} satisfies Prisma.CommitteeInclude;

type CommitteeRow = Prisma.CommitteeGetPayload<{ include: typeof WITH_LATEST_VERSION }>;

/** Reads committees with their latest mandate version; version contents come from the cache. */
export class PrismaCommitteeRepository implements CommitteeRepository {
  constructor(
    private readonly db: Client,
    private readonly cache: MandateCache,
  ) {}

  inWorkspace(workspaceId: WorkspaceId): Promise<Committee[]> {
    return this.committees({ workspaceId });
  }

  all(): Promise<Committee[]> {
    return this.committees({});
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
    const [committee] = await this.committees({ id });
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
    const who = [
      ...(caller.slackUserId ? [{ slackUserId: caller.slackUserId }] : []),
      ...(caller.email ? [{ email: caller.email.toLowerCase() }] : []),
    ];
    const roles = new Map<number, MemberRole[]>();
    if (who.length === 0) return roles;
    const rows = await this.db.member.findMany({
      where: { OR: who, committee: { workspaceId: caller.workspaceId } },
      select: { committeeId: true, role: true },
    });
    for (const row of rows) roles.set(row.committeeId, [...(roles.get(row.committeeId) ?? []), row.role]);
    return roles;
  }

  byIds(ids: readonly number[]): Promise<Committee[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.committees({ id: { in: [...ids] } });
  }

  async bySlug(workspaceId: WorkspaceId, slug: string): Promise<Committee | undefined> {
    const [committee] = await this.committees({ workspaceId, slug });
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
    const where: Prisma.CommitteeWhereInput = { workspaceId, visibility: "public", id: { notIn: [...options.except] } };
    const [page, total] = await Promise.all([
      this.db.committee.findMany({ where, orderBy: { slug: "asc" }, skip: options.offset, take: options.limit, select: { id: true } }),
      this.db.committee.count({ where }),
    ]);
    return { committees: await this.byIds(page.map((r) => r.id)), total };
  }

  /** Committees matching `where`, by slug; each version's content read only the first time it is seen. */
  private async committees(where: Prisma.CommitteeWhereInput): Promise<Committee[]> {
    const rows = await this.db.committee.findMany({
      where,
      orderBy: [{ slug: "asc" }, { workspaceId: "asc" }],
      include: WITH_LATEST_VERSION,
    });
    const mandates = await this.readContents(rows.flatMap((row) => row.versions.map((v) => v.id)));
    return rows.flatMap((row) => this.toCommittee(row, mandates));
  }

  private toCommittee(row: CommitteeRow, mandates: ReadonlyMap<number, Mandate>): Committee[] {
    const latest = row.versions[0];
    const mandate = latest && mandates.get(latest.id);
    if (!latest || !mandate) return [];
    return [
      {
        id: row.id,
        workspaceId: row.workspaceId,
        slug: row.slug,
        visibility: row.visibility,
        timeZone: row.timeZone,
        mandate,
        version: { number: latest.number, importedAt: latest.importedAt, sourceFile: latest.sourceFile, visibility: mandate.visibility },
        plannedThrough: row.plannedThrough ? toCalendarDate(row.plannedThrough) : null,
        channelId: row.slackChannelId,
        publicSince: row.publicSince,
      },
    ];
  }
}
