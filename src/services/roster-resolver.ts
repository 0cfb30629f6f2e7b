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

  async resolveAll(): Promise<RosterResolution> {
    const result: RosterResolution = { resolved: 0, notFound: [], failed: [] };
    for (const seat of await this.roster.seatsToResolve()) {
      if (!seat.email || result.failed.includes(seat.workspaceId)) continue;
      let slackUserId: string | undefined;
      try {
        slackUserId = await this.notifier.lookupUserByEmail(seat.workspaceId, seat.email);
      } catch (error) {
        result.failed.push(seat.workspaceId);
        this.logger.warn(
          { err: error, workspace: seat.workspaceId },
          "could not look up roster e-mails in Slack; trying again at the next start",
        );
        continue;
      }
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
