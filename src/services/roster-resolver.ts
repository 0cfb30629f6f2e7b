import type { CommitteeStore } from "../db/committee-store.js";

/** Finds a Slack user by e-mail (users.lookupByEmail); undefined when there is none. */
export type UserLookup = (email: string) => Promise<string | undefined>;

export interface RosterResolution {
  resolved: number;
  notFound: string[];
}

/**
 * Rosters may name people by e-mail; membership checks need Slack user ids. Looks up every
 * seat that has an e-mail but no id yet. A failed lookup leaves the seat for the next start.
 */
export class RosterResolver {
  constructor(
    private readonly store: CommitteeStore,
    private readonly lookup: UserLookup,
  ) {}

  async resolveAll(): Promise<RosterResolution> {
    const result: RosterResolution = { resolved: 0, notFound: [] };
    for (const member of await this.store.membersToResolve()) {
      if (!member.email) continue;
      const slackUserId = await this.lookup(member.email);
      if (slackUserId) {
        await this.store.setSlackUserId(member.id, slackUserId);
        result.resolved++;
      } else {
        result.notFound.push(member.email);
      }
    }
    return result;
  }
}
