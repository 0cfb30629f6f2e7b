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
