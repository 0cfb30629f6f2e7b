import type { DecisionRule, Mandate, Member, MemberRole } from "./mandate.js";

/**
 * Roles that count as heads for a quorum. The secretariat and observers take no part in
 * decisions, and a deputy stands in for a member rather than adding a head.
 */
export const QUORUM_ROLES: readonly MemberRole[] = ["chair", "vice_chair", "member"];

/** A quorum given as a share, as a head count of the current roster. */
export interface QuorumHeadcount {
  /** The share in whole per cent, as shown (0.4 → 40). */
  percent: number;
  /** Heads needed: the share of `of`, rounded up. */
  needed: number;
  /** Seats that count (QUORUM_ROLES). */
  of: number;
}

export function quorumSeats(mandate: Pick<Mandate, "members">): Member[] {
  return mandate.members.filter((m) => QUORUM_ROLES.includes(m.role));
}

/**
 * How many of the roster's heads make a quorum: ceil(share × heads). Undefined when the rule
 * gives no quorum. Shares are decimal fractions (0.55), which binary floating point cannot hold
 * exactly: 0.55 × 100 is 55.00000000000001, which would round up to 56. The product is therefore
 * rounded to nine decimals before it is rounded up; no real share and roster come that close to
 * a whole number without being it.
 */
export function quorumHeadcount(rule: Pick<DecisionRule, "quorum">, mandate: Pick<Mandate, "members">): QuorumHeadcount | undefined {
  if (rule.quorum === undefined) return undefined;
  const of = quorumSeats(mandate).length;
  const product = Math.round(rule.quorum * of * 1e9) / 1e9;
  return { percent: Math.round(rule.quorum * 100), needed: Math.ceil(product), of };
}
