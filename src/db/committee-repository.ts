import type { Caller } from "../domain/caller.js";
import type { Committee, MandateVersionInfo } from "../domain/committee.js";
import type { MemberRole } from "../domain/mandate.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { CommitteeRepository, CommitteeToPlan } from "../services/ports.js";
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
      select: { id: true, committeeId: true, number: true, importedAt: true, sourceFile: true },
    });
    await this.readContents(rows.map((r) => r.id));
    for (const { id, committeeId, ...info } of rows) {
      // A version that no longer passes the schema cannot say it was public: treated as members-only.
      const visibility = this.cache.get(id)?.visibility ?? "members";
      byCommittee.get(committeeId)?.push({ ...info, visibility });
    }
    return byCommittee;
  }

  /** Reads and parses the contents of the versions not seen yet (once per process: versions never change). */
  private async readContents(versionIds: number[]): Promise<void> {
    const unread = versionIds.filter((id) => !this.cache.has(id));
    if (unread.length === 0) return;
    const contents = await this.db.mandateVersion.findMany({ where: { id: { in: unread } }, select: { id: true, content: true } });
    for (const { id, content } of contents) this.cache.tryParse(id, content);
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

  /** Committees matching `where`, by slug; each version's content read only the first time it is seen. */
  private async committees(where: Prisma.CommitteeWhereInput): Promise<Committee[]> {
    const rows = await this.db.committee.findMany({
      where,
      orderBy: [{ slug: "asc" }, { workspaceId: "asc" }],
      include: WITH_LATEST_VERSION,
    });
    await this.readContents(rows.flatMap((row) => row.versions.map((v) => v.id)));
    return rows.flatMap((row) => this.toCommittee(row));
  }

  private toCommittee(row: CommitteeRow): Committee[] {
    const latest = row.versions[0];
    const mandate = latest && this.cache.get(latest.id);
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
      },
    ];
  }
}
