import type { RosterSeat } from "../domain/committee.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { RosterRepository } from "../services/ports.js";
import type { Client } from "./client.js";

export class PrismaRosterRepository implements RosterRepository {
  constructor(private readonly db: Client) {}

  async seatsToResolve(): Promise<(RosterSeat & { workspaceId: WorkspaceId })[]> {
    const rows = await this.db.member.findMany({
      where: { slackUserId: null, email: { not: null } },
      select: {
        id: true,
        committeeId: true,
        seatId: true,
        role: true,
        email: true,
        slackUserId: true,
        committee: { select: { workspaceId: true } },
      },
    });
    return rows.map(({ committee, ...seat }) => ({ ...seat, workspaceId: committee.workspaceId }));
  }

  async setSlackUserId(seatId: number, slackUserId: string): Promise<void> {
    await this.db.member.update({ where: { id: seatId }, data: { slackUserId } });
  }
}
