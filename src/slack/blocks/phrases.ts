import { quorumHeadcount } from "../../domain/decision-rule.js";
import type { Language } from "../../domain/language.js";
import type { DecisionRule, Funding, Mandate, MeetingRule, MemberRole, Owner } from "../../domain/mandate.js";
import { formatAmount, formatDate, formatInstantDay, formatList } from "../../i18n/format.js";
import { messages } from "../../i18n/index.js";
import type { DeadlineView } from "../../services/deadline-service.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** Phrases built from mandate data and catalog words, shared by the block builders. Output is mrkdwn. */

export function roleNames(roles: readonly MemberRole[], language: Language): string {
  const m = messages(language);
  return [...new Set(roles)].map((r) => m.roles[r]).join(", ");
}

/**
 * Who owes a deadline, in words: seat titles, a role, or an outside body. Seats that share a
 * title are named once with their organisations ("Regional leder: Helse Vest, Helse Nord").
 */
export function ownerText(owner: Owner, mandate: Mandate, language: Language): string {
  if ("role" in owner) return messages(language).roles[owner.role];
  if ("body" in owner) return escapeMrkdwn(owner.body);
  const byTitle = new Map<string, string[]>();
  for (const seat of owner.seats) {
    const member = mandate.members.find((m) => m.seat === seat);
    const holder = member?.slack_id ? `<@${member.slack_id}>` : member?.name ? escapeMrkdwn(member.name) : undefined;
    const where = [member?.organisation ? escapeMrkdwn(member.organisation) : undefined, holder].filter(Boolean).join(" ");
    const title = escapeMrkdwn(member?.title ?? seat);
    byTitle.set(title, [...(byTitle.get(title) ?? []), ...(where ? [where] : [])]);
  }
  return [...byTitle].map(([title, places]) => (places.length ? `${title}: ${places.join(", ")}` : title)).join("; ");
}

export function meetingRuleText(rule: MeetingRule | undefined, language: Language): string {
  const m = messages(language).meetings;
  if (!rule) return m.none;
  const { min_per_year: min, max_per_year: max } = rule;
  if (min !== undefined && max !== undefined) return min === max ? m.exactly(min) : m.between(min, max);
  if (min !== undefined) return m.atLeast(min);
  if (max !== undefined) return m.atMost(max);
  return m.regularly;
}

/** "Quorum: 40% of the members (at least 6 of 15)"; the share alone when no seat counts. */
export function quorumText(rule: DecisionRule, mandate: Mandate, language: Language): string | undefined {
  const d = messages(language).decisions;
  const quorum = quorumHeadcount(rule, mandate);
  if (!quorum) return undefined;
  return quorum.of > 0 ? d.quorumHeadcount(quorum.percent, quorum.needed, quorum.of) : d.quorum(quorum.percent);
}

/** The bodies the committee reports to, as the language lists them: "A and B". */
export function reportsToText(mandate: Mandate, language: Language): string | undefined {
  const bodies = mandate.reports_to ?? [];
  return bodies.length > 0 ? formatList(bodies.map(escapeMrkdwn), language) : undefined;
}

export function fundingHeadline(funding: Funding | undefined, language: Language): string | undefined {
  if (!funding) return undefined;
  const parts = [
    funding.total !== undefined ? formatAmount(funding.total, funding.currency, language) : undefined,
    funding.years
      ? funding.years.from === funding.years.to
        ? `${funding.years.from}`
        : `${funding.years.from}–${funding.years.to}`
      : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(", ") : funding.source ? escapeMrkdwn(funding.source) : undefined;
}

/** "in 14 days", "3 days overdue", "done 2 April 2025", "missed". */
export function deadlineStateText(view: DeadlineView, language: Language): string {
  const s = messages(language).deadlineState;
  const { state, daysLeft } = view.status;
  switch (state) {
    case "open":
      return daysLeft === 0 ? s.dueToday : daysLeft === 1 ? s.dueTomorrow : s.dueIn(daysLeft);
    case "overdue":
      return s.overdue(-daysLeft);
    case "missed":
      return s.missed;
    case "done":
      return s.done(view.deadline.resolvedAt ? formatInstantDay(view.deadline.resolvedAt, view.committee.timeZone, language) : "");
    case "waived":
      return s.waived(escapeMrkdwn(view.deadline.waiveReason ?? ""));
  }
}

export function deadlineStateEmoji(view: DeadlineView): string {
  const { state, daysLeft } = view.status;
  if (state === "open") return daysLeft <= 7 ? ":large_orange_circle:" : ":white_circle:";
  return { overdue: ":red_circle:", missed: ":x:", done: ":white_check_mark:", waived: ":heavy_minus_sign:" }[state];
}

export function deadlineSourceText(view: DeadlineView, language: Language): string {
  const d = messages(language).deadlineList;
  switch (view.deadline.source) {
    case "mandate_clause":
      return d.sourceMandate;
    case "obligation":
      return d.sourceObligation;
    case "manual": {
      const who = view.deadline.createdBy ?? "";
      return d.sourceManual(/^[UW][A-Z0-9]+$/.test(who) ? `<@${who}>` : escapeMrkdwn(who));
    }
  }
}

/** The second line of a deadline: date, state, owner, recipient, source. */
export function deadlineDetails(view: DeadlineView, language: Language): string {
  const d = messages(language).deadlineList;
  const { deadline, committee } = view;
  return [
    formatDate(deadline.dueDate, language),
    deadlineStateText(view, language),
    d.owner(ownerText(deadline.owner, committee.mandate, language)),
    deadline.recipient ? d.to(escapeMrkdwn(deadline.recipient)) : undefined,
    deadlineSourceText(view, language),
  ]
    .filter(Boolean)
    .join(" · ");
}
