import { canSeeCommittee, canSeeVersion, publicSince } from "../domain/access.js";
import type { Caller } from "../domain/caller.js";
import type { Committee, MandateVersionInfo } from "../domain/committee.js";
import { matchCommittees } from "../domain/committee-match.js";
import { MandatError } from "../domain/errors.js";
import type { MemberRole } from "../domain/mandate.js";
import { SEARCH_COMMITTEES_SHOWN, SEARCH_HITS_SHOWN } from "../domain/mandate-search.js";
import { searchWords } from "../domain/search-text.js";
import type { CommitteeMatch, CommitteeRepository, SearchIndex } from "./ports.js";

/** A committee the caller may see, with the roles the caller holds on it (none: a public one). */
export interface VisibleCommittee {
  committee: Committee;
  roles: MemberRole[];
}

export type SearchResult = CommitteeMatch;

export interface SearchResults {
  /** At most SEARCH_COMMITTEES_SHOWN committees, the caller's own first, then by slug. */
  results: SearchResult[];
  /** How many committees matched in all, shown or not. */
  committeesFound: number;
}

/**
 * Which committees a caller sees, finding one by what they type, and searching mandates. Only
 * committees of the caller's own workspace exist for them.
 */
export class CommitteeDirectory {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly searchIndex: SearchIndex,
  ) {}

  /** The caller's committees first, then the public ones they do not sit on. */
  async visibleTo(caller: Caller): Promise<VisibleCommittee[]> {
    const [committees, roles] = await Promise.all([this.committees.inWorkspace(caller.workspaceId), this.committees.rolesOf(caller)]);
    const visible = committees
      .map((committee) => ({ committee, roles: roles.get(committee.id) ?? [] }))
      .filter((v) => canSeeCommittee(v.committee.visibility, v.roles));
    return [...visible.filter((v) => v.roles.length > 0), ...visible.filter((v) => v.roles.length === 0)];
  }

  /** The one committee `query` names among those the caller may see. */
  async find(caller: Caller, query: string): Promise<VisibleCommittee> {
    const visible = await this.visibleTo(caller);
    const matches = matchCommittees(
      query,
      visible.map((v) => ({ ...v, slug: v.committee.slug, mandate: v.committee.mandate })),
    );
    const [only] = matches;
    if (matches.length === 1 && only) return { committee: only.committee, roles: only.roles };
    if (matches.length === 0) throw new MandatError("unknown_committee", { query });
    throw new MandatError("ambiguous_committee", { query, candidates: matches.map((m) => m.slug) });
  }

  /**
   * The passages of the current mandates the caller may see that contain every word of `query`
   * (searchMandate's matches), found in the search index rather than by reading every mandate.
   */
  async search(caller: Caller, query: string): Promise<SearchResults> {
    const words = searchWords(query);
    if (words.length === 0) throw new MandatError("search_needs_words");
    const found = await this.searchIndex.search({
      caller,
      words,
      committees: SEARCH_COMMITTEES_SHOWN,
      hits: SEARCH_HITS_SHOWN,
    });
    // The index chose by the same rule; checked here too, where the rule lives.
    const results = found.committees.filter(
      ({ committee, roles }) => committee.workspaceId === caller.workspaceId && canSeeCommittee(committee.visibility, roles),
    );
    return { results, committeesFound: found.total };
  }

  /** The versions of a committee the caller may see (a members-only one only by its members), newest first. */
  async versions(target: VisibleCommittee): Promise<MandateVersionInfo[]> {
    return (await this.committees.versions(target.committee.id)).filter((v) => canSeeVersion(v, target.roles));
  }

  /**
   * An earlier (or the current) version of a committee the caller already may see. A version
   * that was members-only does not exist for someone off the current roster.
   */
  async atVersion(target: VisibleCommittee, number: number): Promise<VisibleCommittee> {
    const committee = await this.committees.atVersion(target.committee, number);
    if (!committee || !canSeeVersion(committee.version, target.roles)) {
      throw new MandatError(
        "unknown_version",
        {
          committee: target.committee.slug,
          version: number,
          versions: (await this.versions(target)).map((v) => v.number).sort((a, b) => a - b),
        },
        { language: target.committee.mandate.language },
      );
    }
    return { ...target, committee };
  }

  /**
   * For the committees of `scope` the caller is not a member of: since when each has been public
   * without a break, where it was members-only before (see publicSince). Their deadlines from
   * before then are not shown to the caller.
   */
  async publicRecordSince(scope: readonly VisibleCommittee[]): Promise<Map<number, Date>> {
    const outsiders = scope.filter((v) => v.roles.length === 0).map((v) => v.committee.id);
    const since = new Map<number, Date>();
    for (const [id, versions] of await this.committees.versionsOf(outsiders)) {
      const date = publicSince(versions);
      if (date) since.set(id, date);
    }
    return since;
  }
}
