import { canSeeCommittee, canSeeVersion } from "../domain/access.js";
import type { Caller } from "../domain/caller.js";
import type { Committee, MandateVersionInfo } from "../domain/committee.js";
import { matchCommittees } from "../domain/committee-match.js";
import { MandatError } from "../domain/errors.js";
import type { MemberRole } from "../domain/mandate.js";
import { SEARCH_COMMITTEES_SHOWN, SEARCH_HITS_SHOWN } from "../domain/mandate-search.js";
import { foldForSearch, searchWords } from "../domain/search-text.js";
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

/** A page of the public committees a caller does not sit on, and how many there are. */
export interface CommitteePage {
  items: VisibleCommittee[];
  total: number;
}

/**
 * Which committees a caller sees, finding one by what they type, and searching mandates. Only
 * committees of the caller's own workspace exist for them. Each answer asks the database for
 * the committees it shows, not for every committee (a workspace may hold a thousand).
 */
export class CommitteeDirectory {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly searchIndex: SearchIndex,
  ) {}

  /** The committees the caller sits on, with their roles, by slug. */
  async mine(caller: Caller): Promise<VisibleCommittee[]> {
    return this.committees.ofCaller(caller);
  }

  /** Public committees the caller does not sit on, by slug: `limit` of them from `offset`. */
  async others(caller: Caller, mine: readonly VisibleCommittee[], page: { offset: number; limit: number }): Promise<CommitteePage> {
    const { committees, total } = await this.committees.publicPage(caller.workspaceId, {
      except: mine.map((v) => v.committee.id),
      ...page,
    });
    return { items: committees.map((committee) => ({ committee, roles: [] })), total };
  }

  /** A committee by id, if the caller may see it. */
  async byId(caller: Caller, id: number): Promise<VisibleCommittee | undefined> {
    const [[committee], roles] = await Promise.all([this.committees.byIds([id]), this.committees.rolesOf(caller)]);
    if (!committee || committee.workspaceId !== caller.workspaceId) return undefined;
    const held = roles.get(committee.id) ?? [];
    return canSeeCommittee(committee.visibility, held) ? { committee, roles: held } : undefined;
  }

  /** Committees by id, as already decided visible (the committees of a page of deadlines). */
  byIds(ids: readonly number[]): Promise<Committee[]> {
    return this.committees.byIds(ids);
  }

  /**
   * The one committee `query` names among those the caller may see (the rules of
   * matchCommittees). A slug, what buttons send and people mostly type, is one indexed lookup;
   * anything else is matched against the names of the workspace's committees, not their mandates.
   */
  async find(caller: Caller, query: string): Promise<VisibleCommittee> {
    const roles = await this.committees.rolesOf(caller);
    const visible = (c: { visibility: Committee["visibility"]; id: number }) => canSeeCommittee(c.visibility, roles.get(c.id) ?? []);
    const bySlug = await this.committees.bySlug(caller.workspaceId, foldForSearch(query));
    if (bySlug && visible(bySlug)) return { committee: bySlug, roles: roles.get(bySlug.id) ?? [] };
    const names = (await this.committees.namesIn(caller.workspaceId)).filter(visible);
    // The caller's own committees first, as in every list.
    const candidates = [...names.filter((c) => roles.has(c.id)), ...names.filter((c) => !roles.has(c.id))].map((c) => ({
      ...c,
      mandate: { names: c.names, ...(c.shortName ? { short_name: c.shortName } : {}) },
    }));
    const matches = matchCommittees(query, candidates);
    const [only] = matches;
    const committee = matches.length === 1 && only ? (await this.committees.byIds([only.id]))[0] : undefined;
    if (committee) return { committee, roles: roles.get(committee.id) ?? [] };
    if (matches.length === 0 || !only) throw new MandatError("unknown_committee", { query });
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
}
