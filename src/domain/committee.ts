import type { Visibility } from "./access.js";
import type { CalendarDate } from "./calendar-date.js";
import type { Mandate, MemberRole } from "./mandate.js";
import type { WorkspaceId } from "./workspace.js";

/** One stored version of a committee's mandate: versions are never changed once written. */
export interface MandateVersionInfo {
  number: number;
  importedAt: Date;
  sourceFile: string;
  /** Who could see the committee while this version was the current one. */
  visibility: Visibility;
}

/** A committee with its current mandate. */
export interface Committee {
  id: number;
  workspaceId: WorkspaceId;
  slug: string;
  visibility: Visibility;
  timeZone: string;
  mandate: Mandate;
  version: MandateVersionInfo;
  /** The mandate's deadlines exist as rows up to this date. */
  plannedThrough: CalendarDate | null;
  /** The Slack channel id `mandate.slack_channel` resolved to; null until resolved, or when it names none. */
  channelId: string | null;
  /** Public without a break since then, after members-only versions (access.ts publicSince); null otherwise. */
  publicSince: Date | null;
}

/** A seat on a committee's current roster, as stored: who holds it and how Slack knows them. */
export interface RosterSeat {
  id: number;
  committeeId: number;
  seatId: string;
  role: MemberRole;
  email: string | null;
  slackUserId: string | null;
}
