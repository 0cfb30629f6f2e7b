import type { Visibility } from "../domain/access.js";
import type { CalendarDate } from "../domain/calendar-date.js";
import type { Caller } from "../domain/caller.js";
import { Mandate, type MemberRole } from "../domain/mandate.js";
import { toCalendarDate, toDate, toJson } from "./convert.js";
import type { Prisma, PrismaClient } from "./generated/client.js";

/** A committee with its current mandate. */
export interface Committee {
  id: number;
  slug: string;
  visibility: Visibility;
  timeZone: string;
  mandate: Mandate;
  version: MandateVersionInfo;
  plannedThrough: CalendarDate | null;
}

export interface MandateVersionInfo {
  number: number;
  importedAt: Date;
  sourceFile: string;
}

export interface StoredMember {
  id: number;
  committeeId: number;
  seatId: string;
  role: MemberRole;
  email: string | null;
  slackUserId: string | null;
}

/** Reads and writes committees, mandate versions and rosters. */
export class CommitteeStore {
  /** Versions never change once written, so their parsed content can be kept. */
  private readonly parsedVersions = new Map<number, Mandate>();

  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Every committee with its latest mandate version. Runs on every command, so a version's
   * content (large, and never changed once written) is read from the database only the first
   * time this store sees that version.
   */
  async all(): Promise<Committee[]> {
    const rows = await this.prisma.committee.findMany({
      orderBy: { slug: "asc" },
      include: {
        versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, importedAt: true, sourceFile: true } },
      },
    });
    const unread = rows.flatMap((row) => row.versions.map((v) => v.id)).filter((id) => !this.parsedVersions.has(id));
    if (unread.length > 0) {
      const contents = await this.prisma.mandateVersion.findMany({ where: { id: { in: unread } }, select: { id: true, content: true } });
      for (const { id, content } of contents) this.parse(id, content);
    }
    return rows.flatMap((row) => {
      const latest = row.versions[0];
      const mandate = latest && this.parsedVersions.get(latest.id);
      if (!latest || !mandate) return [];
      return [
        {
          id: row.id,
          slug: row.slug,
          visibility: row.visibility,
          timeZone: row.timeZone,
          mandate,
          version: { number: latest.number, importedAt: latest.importedAt, sourceFile: latest.sourceFile },
          plannedThrough: row.plannedThrough ? toCalendarDate(row.plannedThrough) : null,
        },
      ];
    });
  }

  /** Every version of a committee's mandate, newest first. */
  async versions(committeeId: number): Promise<MandateVersionInfo[]> {
    return this.prisma.mandateVersion.findMany({
      where: { committeeId },
      orderBy: { number: "desc" },
      select: { number: true, importedAt: true, sourceFile: true },
    });
  }

  /** The mandate as it read in version `number`. */
  async mandateVersion(committeeId: number, number: number): Promise<Mandate | undefined> {
    return (await this.versionRow(committeeId, number))?.mandate;
  }

  /** The committee as it stood in mandate version `number` (its current access rules kept). */
  async atVersion(committee: Committee, number: number): Promise<Committee | undefined> {
    const found = await this.versionRow(committee.id, number);
    return found ? { ...committee, mandate: found.mandate, version: found.info } : undefined;
  }

  private async versionRow(committeeId: number, number: number): Promise<{ mandate: Mandate; info: MandateVersionInfo } | undefined> {
    const row = await this.prisma.mandateVersion.findUnique({ where: { committeeId_number: { committeeId, number } } });
    if (!row) return undefined;
    return {
      mandate: this.parse(row.id, row.content),
      info: { number: row.number, importedAt: row.importedAt, sourceFile: row.sourceFile },
    };
  }

  /** The roles the caller holds, per committee id. */
  async rolesOf(caller: Caller): Promise<Map<number, MemberRole[]>> {
    const who = [
      ...(caller.slackUserId ? [{ slackUserId: caller.slackUserId }] : []),
      ...(caller.email ? [{ email: caller.email.toLowerCase() }] : []),
    ];
    const roles = new Map<number, MemberRole[]>();
    if (who.length === 0) return roles;
    const rows = await this.prisma.member.findMany({ where: { OR: who }, select: { committeeId: true, role: true } });
    for (const row of rows) roles.set(row.committeeId, [...(roles.get(row.committeeId) ?? []), row.role]);
    return roles;
  }

  async membersToResolve(): Promise<StoredMember[]> {
    return this.prisma.member.findMany({
      where: { slackUserId: null, email: { not: null } },
      select: { id: true, committeeId: true, seatId: true, role: true, email: true, slackUserId: true },
    });
  }

  async setSlackUserId(memberId: number, slackUserId: string): Promise<void> {
    await this.prisma.member.update({ where: { id: memberId }, data: { slackUserId } });
  }

  async setPlannedThrough(committeeId: number, date: CalendarDate, db: Prisma.TransactionClient = this.prisma): Promise<void> {
    await db.committee.update({ where: { id: committeeId }, data: { plannedThrough: toDate(date) } });
  }

  /**
   * Stores `mandate` as the committee's newest version unless it equals the latest one.
   * `afterWrite` runs in the same transaction (the deadlines of the new version), so a
   * version is never stored without them.
   */
  async saveVersion(
    input: { mandate: Mandate; contentHash: string; sourceFile: string; now: Date },
    afterWrite: (tx: Prisma.TransactionClient, committeeId: number) => Promise<void>,
  ): Promise<{ status: "created" | "new_version" | "unchanged"; committeeId: number; version: number }> {
    const { mandate } = input;
    return this.prisma.$transaction(async (tx) => {
      // One import of a slug at a time, across processes and replicas.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mandate:${mandate.slug}`}))`;
      const columns = {
        language: mandate.language,
        timeZone: mandate.time_zone,
        country: mandate.country,
        visibility: mandate.visibility,
        slackChannel: mandate.slack_channel ?? null,
        names: toJson(mandate.names),
        shortName: mandate.short_name ?? null,
      };
      const existing = await tx.committee.findUnique({
        where: { slug: mandate.slug },
        include: { versions: { orderBy: { number: "desc" }, take: 1 }, members: true },
      });
      const latest = existing?.versions[0];
      if (existing && latest?.contentHash === input.contentHash) {
        return { status: "unchanged", committeeId: existing.id, version: latest.number };
      }
      const committee = existing
        ? await tx.committee.update({ where: { id: existing.id }, data: columns })
        : await tx.committee.create({ data: { slug: mandate.slug, createdAt: input.now, ...columns } });
      const number = (latest?.number ?? 0) + 1;
      await tx.mandateVersion.create({
        data: {
          committeeId: committee.id,
          number,
          contentHash: input.contentHash,
          content: toJson(mandate),
          sourceFile: input.sourceFile,
          importedAt: input.now,
        },
      });
      // A Slack id resolved from an e-mail stays while the seat keeps that e-mail.
      const resolved = new Map(
        (existing?.members ?? []).filter((m) => m.email && m.slackUserId).map((m) => [`${m.seatId} ${m.email}`, m.slackUserId]),
      );
      await tx.member.deleteMany({ where: { committeeId: committee.id } });
      await tx.member.createMany({
        data: mandate.members.map((m) => {
          const email = m.email?.toLowerCase() ?? null;
          return {
            committeeId: committee.id,
            seatId: m.seat,
            role: m.role,
            title: m.title,
            organisation: m.organisation ?? null,
            name: m.name ?? null,
            email,
            slackUserId: m.slack_id ?? resolved.get(`${m.seat} ${email}`) ?? null,
          };
        }),
      });
      await afterWrite(tx, committee.id);
      return { status: existing ? "new_version" : "created", committeeId: committee.id, version: number };
    });
  }

  private parse(versionId: number, content: unknown): Mandate {
    let mandate = this.parsedVersions.get(versionId);
    if (!mandate) {
      mandate = Mandate.parse(content);
      this.parsedVersions.set(versionId, mandate);
    }
    return mandate;
  }
}
