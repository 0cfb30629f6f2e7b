import type { Deadline } from "./deadline.js";
import { DEADLINE_EDITOR_ROLES, type MemberRole } from "./mandate.js";

export type Visibility = "public" | "members";

/** A members-only committee does not exist for anyone outside its roster, not even by name. */
export function canSeeCommittee(visibility: Visibility, callerRoles: readonly MemberRole[]): boolean {
  return visibility === "public" || callerRoles.length > 0;
}

/** Only the chair and the secretariat add, complete and waive deadlines. */
export function canEditDeadlines(callerRoles: readonly MemberRole[]): boolean {
  return callerRoles.some((role) => DEADLINE_EDITOR_ROLES.includes(role));
}

/**
 * Visibility over time. A committee that turns public does not publish its members-only past:
 * for someone off the roster, a mandate version that was members-only does not exist (its
 * number, its text, its line in the history), and neither does the committee's record from that
 * time. The roster that decides is the current one.
 */
export function canSeeVersion(version: { visibility: Visibility }, callerRoles: readonly MemberRole[]): boolean {
  return canSeeCommittee(version.visibility, callerRoles);
}

/**
 * The moment since which a committee has been public without a break: when the first version
 * of its current public run was imported. Undefined when it was public from its first version
 * (nothing to hide) or is members-only now (non-members see nothing anyway).
 */
export function publicSince(versions: readonly { number: number; importedAt: Date; visibility: Visibility }[]): Date | undefined {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  if (sorted.at(-1)?.visibility !== "public") return undefined;
  let first = sorted.length - 1;
  while (first > 0 && sorted[first - 1]?.visibility === "public") first--;
  return first === 0 ? undefined : sorted[first]?.importedAt;
}

/**
 * Whether someone off the roster sees a deadline of a committee that has been public since
 * `since`: not one resolved before then (whether done, or waived and why, is the members-only
 * record), nor one added by hand before then (its title was written for the members). The
 * mandate's own open deadlines follow the current, public version and are shown.
 */
export function deadlineOpenToPublic(
  deadline: Pick<Deadline, "source" | "status" | "resolvedAt" | "createdAt">,
  since: Date | undefined,
): boolean {
  if (since === undefined) return true;
  if (deadline.status !== "open" && deadline.resolvedAt !== null && deadline.resolvedAt < since) return false;
  if (deadline.source === "manual" && deadline.createdAt < since) return false;
  return true;
}
