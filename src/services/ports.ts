/**
 * What the services need from the outside world, named by purpose. src/db implements the
 * repositories and the unit of work; src/slack implements the Notifier. Services see only these
 * interfaces and domain types: no Prisma, no Bolt.
 */

import type { Visibility } from "../domain/access.js";
import type { CalendarDate } from "../domain/calendar-date.js";
import type { Caller } from "../domain/caller.js";
import type { Committee, MandateVersionInfo, RosterSeat } from "../domain/committee.js";
import type {
  Deadline,
  DeadlineCursor,
  DeadlineListing,
  DeadlineReconciliation,
  ManualDeadlineAdded,
  PlannedDeadline,
} from "../domain/deadline.js";
import type { Language } from "../domain/language.js";
import type { Mandate, MemberRole, Owner } from "../domain/mandate.js";
import type { MandateHit } from "../domain/mandate-search.js";
import type { SeatToStore } from "../domain/roster.js";
import type { Workspace, WorkspaceId } from "../domain/workspace.js";

/** Committees and their mandate versions, as the read path sees them. */
export interface CommitteeRepository {
  /** Every committee of a workspace with its latest mandate version, by slug. */
  inWorkspace(workspaceId: WorkspaceId): Promise<Committee[]>;
  /** Every committee of every workspace. */
  all(): Promise<Committee[]>;
  /** How many committees there are, in every workspace. */
  count(): Promise<number>;
  /**
   * Every committee of every workspace as planning walks them: without its mandate (read under
   * the committee's lock), so one whose stored mandate no longer parses cannot stop the walk.
   */
  forPlanning(): Promise<CommitteeToPlan[]>;
  byId(id: number): Promise<Committee | undefined>;
  /** Every version of a committee's mandate, newest first. */
  versions(committeeId: number): Promise<MandateVersionInfo[]>;
  /** The same for several committees at once (every id asked for is a key). */
  versionsOf(committeeIds: number[]): Promise<Map<number, MandateVersionInfo[]>>;
  /** The committee as it stood in mandate version `number` (its current access rules kept). */
  atVersion(committee: Committee, number: number): Promise<Committee | undefined>;
  /** The roles the caller holds, per committee id, in the caller's workspace. */
  rolesOf(caller: Caller): Promise<Map<number, MemberRole[]>>;
  /** The committees the caller sits on in their workspace, with the roles held, by slug (one query). */
  ofCaller(caller: Caller): Promise<{ committee: Committee; roles: MemberRole[] }[]>;
  /** Committees by id, by slug (ids not found are left out). */
  byIds(ids: readonly number[]): Promise<Committee[]>;
  bySlug(workspaceId: WorkspaceId, slug: string): Promise<Committee | undefined>;
  /** Every committee of a workspace by its names only (for finding one by what someone typed), by slug. */
  namesIn(workspaceId: WorkspaceId): Promise<CommitteeNames[]>;
  /** Public committees of a workspace except `except`, by slug: `limit` of them from `offset`, and how many in all. */
  publicPage(
    workspaceId: WorkspaceId,
    options: { except: readonly number[]; offset: number; limit: number },
  ): Promise<{ committees: Committee[]; total: number }>;
}

/** What finding a committee by name needs of it: no mandate. */
export interface CommitteeNames {
  id: number;
  slug: string;
  visibility: "public" | "members";
  names: Record<string, string>;
  shortName: string | null;
}

/** A committee as the planning job finds it, before it takes the committee's lock. */
export interface CommitteeToPlan {
  id: number;
  workspaceId: WorkspaceId;
  slug: string;
  timeZone: string;
  plannedThrough: CalendarDate | null;
}

/** A committee as a mandate file names it: a slug in a workspace. */
export interface CommitteeRef {
  workspaceId: WorkspaceId;
  slug: string;
}

/** What an import needs to know of the committee a file names, read under its lock. */
export interface CommitteeForImport {
  id: number;
  latestVersion: { number: number; contentHash: string } | undefined;
  roster: RosterSeat[];
  /** The channel the committee's mandate named, and the id it resolved to. */
  channel: { named: string | null; id: string | null };
}

/** The columns a committee mirrors from its current mandate (for lookups without parsing it). */
export interface CommitteeColumns {
  language: string;
  timeZone: string;
  country: string;
  visibility: "public" | "members";
  slackChannel: string | null;
  slackChannelId: string | null;
  names: Record<string, string>;
  shortName: string | null;
}

/** A committee as it mirrors its latest mandate version in columns: enough to warn about clashing names. */
export interface CommitteeNameRecord {
  workspaceId: WorkspaceId;
  slug: string;
  shortName: string | null;
  /** The file its latest version was imported from. */
  sourceFile: string;
}

/** A file an earlier import stored (or found unchanged), whose committee still has the version it gave. */
export interface ImportedFileRecord {
  workspaceId: WorkspaceId;
  slug: string;
  /** The committee's latest version, the one the file gave. */
  version: number;
}

/** What an import reads before it takes any lock. */
export interface ImportRepository {
  /**
   * The files among `keys` (src/mandates/file-key.ts) whose committee is still in the workspace
   * they were imported into and whose latest version is still the one they gave, by key.
   */
  stillCurrent(keys: readonly string[]): Promise<Map<string, ImportedFileRecord>>;
  /** The names of every committee of a workspace, without reading a mandate. */
  namesIn(workspaceId: WorkspaceId): Promise<CommitteeNameRecord[]>;
}

/** A committee a file creates, whole: its row, version 1, roster and planned deadlines. */
export interface NewCommittee {
  workspaceId: WorkspaceId;
  slug: string;
  createdAt: Date;
  columns: CommitteeColumns;
  version: { contentHash: string; mandate: Mandate; sourceFile: string };
  roster: SeatToStore[];
  deadlines: PlannedDeadline[];
  plannedThrough: CalendarDate;
}

/** Which file (by key) gave, or was found to equal, a committee's latest version. */
export interface ImportedFileToRecord {
  key: string;
  committeeId: number;
  workspaceId: WorkspaceId;
  contentHash: string;
}

/** Writes of an import, always inside a transaction holding the committee's lock. */
export interface MandateWriter {
  /** What an import needs to know of the committees that exist among `committees`. */
  findManyForImport(committees: readonly CommitteeRef[]): Promise<(CommitteeForImport & CommitteeRef)[]>;
  /** Stores new committees in a few statements, however many there are; returns their ids. */
  createCommittees(committees: readonly NewCommittee[]): Promise<(CommitteeRef & { id: number })[]>;
  /** Remembers which file each committee's latest version came from (replacing what was remembered of it). */
  recordImportedFiles(files: readonly ImportedFileToRecord[]): Promise<void>;
  updateCommittee(committeeId: number, columns: CommitteeColumns): Promise<void>;
  addVersion(input: {
    committeeId: number;
    number: number;
    contentHash: string;
    mandate: Mandate;
    sourceFile: string;
    importedAt: Date;
  }): Promise<void>;
  replaceRoster(committeeId: number, seats: SeatToStore[]): Promise<void>;
  /** The latest mandate and how far its deadlines are planned, read inside the transaction. */
  planningState(committeeId: number): Promise<{ mandate: Mandate; timeZone: string; plannedThrough: CalendarDate | null } | undefined>;
  setPlannedThrough(committeeId: number, date: CalendarDate): Promise<void>;
}

/** What `/mandat søg` asks of the search index. */
export interface PassageQuery {
  /**
   * Whose search: only committees of the caller's workspace are searched, the members-only ones
   * only where the caller is on the roster (by Slack id or e-mail, as rolesOf finds them).
   */
  caller: Caller;
  /** Folded, as searchWords gives them; a passage matches when it contains every one. */
  words: readonly string[];
  /** How many committees to return at most, and how many passages of each. */
  committees: number;
  hits: number;
}

/** A committee as a search result names it: from its columns, without reading its mandate. */
export interface SearchedCommittee {
  id: number;
  workspaceId: WorkspaceId;
  slug: string;
  visibility: Visibility;
  language: Language;
  names: Mandate["names"];
}

export interface CommitteeMatch {
  committee: SearchedCommittee;
  /** The roles the caller holds on it (none: a public one). */
  roles: MemberRole[];
  /** Its first matching passages, in mandate order. */
  hits: MandateHit[];
  /** How many of its passages match in all. */
  hitCount: number;
}

export interface PassageMatches {
  /** The first matching committees, the caller's own first, then by slug (as the committee list orders them). */
  committees: CommitteeMatch[];
  /** How many committees matched in all. */
  total: number;
}

/**
 * The passages of each committee's current mandate version, folded once when the version is
 * written, so a search reads only the passages that can match (the same matches as searchMandate).
 */
export interface SearchIndex {
  search(query: PassageQuery): Promise<PassageMatches>;
  /**
   * Each committee's passages become those of `mandate`, its latest version: in the import's
   * transaction, once the versions are written.
   */
  indexLatestVersions(committees: readonly (CommitteeRef & { mandate: Mandate })[]): Promise<void>;
}

/** A committee whose mandate names a Slack channel, as its columns mirror the latest version. */
export interface NamedChannel {
  committeeId: number;
  slug: string;
  /** As the mandate file names it: "#name" or a channel id. */
  named: string;
  /** The id it resolved to last; null when not (yet) found. */
  channelId: string | null;
  /** The file the latest version came from. */
  sourceFile: string;
}

/** Committees whose Slack channel is to be looked up, and where the answer goes. */
export interface ChannelRepository {
  /** The committees of a workspace that name a channel, by slug (without reading a mandate). */
  namedIn(workspaceId: WorkspaceId): Promise<NamedChannel[]>;
  setChannelId(committeeId: number, channelId: string | null): Promise<void>;
}

/** Whose deadlines a list shows. */
export type DeadlineScope =
  /**
   * These committees; for those in `outsiderIds` (the caller is not on their roster) without
   * their members-only record (src/domain/access.ts deadlineOpenToPublic).
   */
  | { kind: "committees"; committeeIds: readonly number[]; outsiderIds: readonly number[] }
  /** Every public committee of a workspace, as someone off their rosters sees them. */
  | { kind: "public"; workspaceId: WorkspaceId };

/** One page of a deadline list, as the database answers it: listed rows only, in list order. */
export interface DeadlinePageQuery {
  scope: DeadlineScope;
  listing: DeadlineListing;
  now: Date;
  /** The local date of `now` in every time zone the scope's committees keep (zonesOf). */
  todayIn: ReadonlyMap<string, CalendarDate>;
  /** Rows after this one in list order (due date, then number); from the start when unset. */
  after?: DeadlineCursor | undefined;
  limit: number;
  /** Rows of the list from `after` on are counted up to this many; past it the count stops there. */
  countUpTo: number;
}

export interface DeadlineRepository {
  /**
   * The rows a list shows (isListed(deadlineStateAt(…)) of src/domain/deadline.ts, decided by
   * the database from each row's stored state), soonest first, and how many the list has from `after` on.
   */
  page(query: DeadlinePageQuery): Promise<{ rows: Deadline[]; total: number }>;
  /** The time zones the committees of a scope keep. */
  zonesOf(scope: DeadlineScope): Promise<string[]>;
  forCommittees(committeeIds: number[]): Promise<Deadline[]>;
  /** Whole rows by id, in no particular order. */
  byIds(ids: number[]): Promise<Deadline[]>;
  byId(id: number): Promise<Deadline | undefined>;
  /** A committee's rows planned from its mandate (those with a source key). */
  plannedOf(committeeId: number): Promise<Deadline[]>;
  applyReconciliation(committeeId: number, plan: DeadlineReconciliation, now: Date): Promise<void>;
  /**
   * Stores a deadline added by hand, once: when the committee already has an open hand-added
   * deadline of that day whose title has the same `deadlineTitleKey`, nothing is stored and that
   * one is returned. The database decides (a unique index), so two requests at once cannot
   * both store one. Not for use inside `transaction`: a refused insert ends a PostgreSQL transaction.
   */
  addManual(input: {
    committeeId: number;
    title: string;
    dueDate: CalendarDate;
    owner: Owner;
    createdAt: Date;
    createdBy: string;
  }): Promise<ManualDeadlineAdded>;
  /**
   * Marks an open deadline done or waived. The status check is part of the update, so two
   * clicks (or two replicas) resolve it once; the loser gets `undefined`.
   */
  resolve(input: { id: number; status: "done" | "waived"; at: Date; by: string; reason?: string }): Promise<Deadline | undefined>;
}

export interface RosterRepository {
  /** Seats named by e-mail whose Slack id is not known yet, with their committee's workspace. */
  seatsToResolve(): Promise<(RosterSeat & { workspaceId: WorkspaceId })[]>;
  setSlackUserId(seatId: number, slackUserId: string): Promise<void>;
}

export interface WorkspaceRepository {
  /** Records a workspace the bot serves (again, after an uninstall). */
  installed(workspace: { id: WorkspaceId; name: string | null; at: Date }): Promise<void>;
  uninstalled(id: WorkspaceId, at: Date): Promise<void>;
  list(): Promise<Workspace[]>;
  /**
   * Moves the committees of `from` to `to`, except those whose slug `to` already has.
   * Returns the slugs moved and the slugs left behind.
   */
  adoptCommittees(from: WorkspaceId, to: WorkspaceId): Promise<{ moved: string[]; kept: string[] }>;
}

/** Slack installations (OAuth), stored as an opaque, encrypted blob under their key. */
export interface InstallationRepository {
  save(key: string, teamId: string | null, sealed: string, at: Date): Promise<void>;
  find(key: string): Promise<string | undefined>;
  /** When the installation under `key` was last saved (installed, or installed again); undefined when there is none. */
  savedAt(key: string): Promise<Date | undefined>;
  delete(key: string): Promise<void>;
}

export interface Repositories {
  committees: CommitteeRepository;
  imports: ImportRepository;
  deadlines: DeadlineRepository;
  roster: RosterRepository;
  channels: ChannelRepository;
  workspaces: WorkspaceRepository;
  installations: InstallationRepository;
  search: SearchIndex;
}

/** What a transaction adds: the writes that only make sense inside one, and locks. */
export interface TransactionRepositories extends Repositories {
  mandates: MandateWriter;
  /**
   * Holds the lock of one committee (by workspace and slug) until the transaction ends. Imports
   * and deadline planning of a committee take it, across processes and replicas.
   */
  lockCommittee(workspaceId: WorkspaceId, slug: string): Promise<void>;
  /**
   * lockCommittee for several committees, taken in one order (that of the lock keys) so that
   * two transactions locking overlapping sets cannot each wait for the other.
   */
  lockCommittees(committees: readonly CommitteeRef[]): Promise<void>;
}

/** The database as services use it: repositories, and one unit of work. */
export interface Store extends Repositories {
  transaction<T>(work: (repos: TransactionRepositories) => Promise<T>): Promise<T>;
  /**
   * Brings the database's statistics up to date after many rows changed (an import, planning).
   * The embedded database has no autovacuum: without this, every list is planned as if the
   * tables were empty (measured: 16 ms instead of 3 for a caller's roles at 1,000 committees).
   */
  refreshStatistics(): Promise<void>;
}

/** Slack message metadata values: flat, so they read back as written. */
export type MetadataPayload = Record<string, string | number | boolean>;

/** A message as Slack takes it: plain text for notifications, Block Kit blocks built in src/slack. */
export interface OutboundMessage {
  text: string;
  blocks?: readonly object[];
  /** Slack message metadata: an event type and a payload the bot can read back from history. */
  metadata?: { eventType: string; payload: MetadataPayload };
}

export interface PostedMessage {
  channel: string;
  ts: string;
}

export interface HistoryMessage {
  ts: string;
  text: string;
  user?: string;
  metadata?: { eventType: string; payload: MetadataPayload };
}

export interface SlackChannel {
  id: string;
  name: string;
}

/**
 * Everything the bot says or asks of Slack on its own (not as the answer to a request), always
 * in one workspace, with that workspace's token.
 */
export interface Notifier {
  post(workspaceId: WorkspaceId, channel: string, message: OutboundMessage): Promise<PostedMessage>;
  update(workspaceId: WorkspaceId, at: PostedMessage, message: OutboundMessage): Promise<void>;
  ephemeral(workspaceId: WorkspaceId, channel: string, user: string, message: OutboundMessage): Promise<void>;
  directMessage(workspaceId: WorkspaceId, user: string, message: OutboundMessage): Promise<PostedMessage>;
  history(workspaceId: WorkspaceId, channel: string, options?: { oldest?: string; limit?: number }): Promise<HistoryMessage[]>;
  publishHome(workspaceId: WorkspaceId, user: string, view: { blocks: readonly object[] }): Promise<void>;
  /** The Slack user with this e-mail; undefined when there is none. */
  lookupUserByEmail(workspaceId: WorkspaceId, email: string): Promise<string | undefined>;
  /** The channels the bot can see: public ones, and private ones it is in. */
  channels(workspaceId: WorkspaceId): Promise<SlackChannel[]>;
}
