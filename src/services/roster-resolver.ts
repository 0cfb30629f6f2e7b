import type { WorkspaceId } from "../domain/workspace.js";
import type { Logger } from "../logging/logger.js";
import type { Notifier, RosterRepository } from "./ports.js";

export interface RosterResolution {
  resolved: number;
  notFound: string[];
  /** Workspaces whose lookups failed (Slack unreachable, not installed); tried again next time. */
  failed: string[];
}

/**
 * Rosters may name people by e-mail; membership checks need Slack user ids. Looks up every
 * seat that has an e-mail but no id yet, in its committee's workspace. A failed lookup leaves
 * the seat for the next run.
 */
export class RosterResolver {
  constructor(
    private readonly roster: RosterRepository,
    private readonly notifier: Pick<Notifier, "lookupUserByEmail">,
    private readonly logger: Logger,
  ) {}

  /** Every workspace's seats; a workspace whose lookups fail is logged, listed in `failed`, and skipped. */
  async resolveAll(): Promise<RosterResolution> {
    const result: RosterResolution = { resolved: 0, notFound: [], failed: [] };
    const seats = await this.roster.seatsToResolve();
    for (const workspaceId of new Set(seats.map((s) => s.workspaceId))) {
      try {
        const found = await this.resolveSeats(seats.filter((s) => s.workspaceId === workspaceId));
        result.resolved += found.resolved;
        result.notFound.push(...found.notFound);
      } catch (error) {
        result.failed.push(workspaceId);
        this.logger.warn({ err: error, workspace: workspaceId }, "could not look up roster e-mails in Slack");
      }
    }
    return result;
  }

  /**
   * One workspace's seats. Throws on the first lookup Slack does not answer (unreachable, a
   * 5xx, a refused token), keeping what was found before it, so the caller can try again later.
   */
  async resolveWorkspace(workspaceId: WorkspaceId): Promise<{ resolved: number; notFound: string[] }> {
    return this.resolveSeats((await this.roster.seatsToResolve()).filter((s) => s.workspaceId === workspaceId));
  }

  private async resolveSeats(seats: Awaited<ReturnType<RosterRepository["seatsToResolve"]>>) {
    const result = { resolved: 0, notFound: [] as string[] };
    for (const seat of seats) {
      if (!seat.email) continue;
      const slackUserId = await this.notifier.lookupUserByEmail(seat.workspaceId, seat.email);
      if (slackUserId) {
        await this.roster.setSlackUserId(seat.id, slackUserId);
        result.resolved++;
      } else {
        result.notFound.push(seat.email);
      }
    }
    return result;
  }
}
