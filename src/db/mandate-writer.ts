import { publicSince } from "../domain/access.js";
import type { CalendarDate } from "../domain/calendar-date.js";
import type { Mandate } from "../domain/mandate.js";
import type { SeatToStore } from "../domain/roster.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { CommitteeColumns, CommitteeForImport, MandateWriter } from "../services/ports.js";
import type { Client } from "./client.js";
import { toCalendarDate, toDate, toJson } from "./convert.js";
import type { MandateCache } from "./mandate-cache.js";

/** The writes of an import, on the client of the transaction that holds the committee's lock. */
export class PrismaMandateWriter implements MandateWriter {
  constructor(
    private readonly tx: Client,
    private readonly cache: MandateCache,
  ) {}

  async findForImport(workspaceId: WorkspaceId, slug: string): Promise<CommitteeForImport | undefined> {
    const row = await this.tx.committee.findUnique({
      where: { workspaceId_slug: { workspaceId, slug } },
      include: { versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true } }, members: true },
    });
    if (!row) return undefined;
    return {
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
    };
  }

  async createCommittee(input: { workspaceId: WorkspaceId; slug: string; createdAt: Date; columns: CommitteeColumns }): Promise<number> {
    const { columns } = input;
    const row = await this.tx.committee.create({
      data: { workspaceId: input.workspaceId, slug: input.slug, createdAt: input.createdAt, ...columns, names: toJson(columns.names) },
      select: { id: true },
    });
    return row.id;
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
