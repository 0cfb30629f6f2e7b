import type { Reply } from "../../../commands/reply.js";
import { dateInZone } from "../../domain/calendar-date.js";
import { fundingBalance } from "../../domain/funding.js";
import type { Language } from "../../domain/language.js";
import { committeeName, type Mandate, MandateSection, type MemberRole, type Provision, votingSeats } from "../../domain/mandate.js";
import { dueDatesInYear } from "../../domain/obligation-schedule.js";
import { formatAmount, formatDate, formatDayOfYear, formatEventDate, formatInstantDay } from "../../i18n/format.js";
import { type Messages, messages } from "../../i18n/index.js";
import { buttonValue, sectionActionId } from "../ids.js";
import {
  actions,
  type Block,
  button,
  context,
  field,
  header,
  MAX_BLOCKS,
  mrkdwnSection,
  mrkdwnSections,
  type SlackMessage,
} from "./message.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";
import { deadlineDetails, fundingHeadline, meetingRuleText, ownerText, quorumText, reportsToText, roleNames } from "./phrases.js";

type MandateReply = Extract<Reply, { kind: "mandate" }>;

const ROLE_ORDER: MemberRole[] = ["chair", "vice_chair", "member", "deputy", "observer", "secretariat"];

/** A committee's mandate: the summary, or one section; either way with buttons to the others. */
export function mandateMessage(reply: MandateReply): SlackMessage {
  const { language, target, section } = reply;
  const mandate = target.committee.mandate;
  const m = messages(language);
  const name = committeeName(mandate, language);
  const body =
    section === "summary" ? summaryBlocks(reply, m) : [mrkdwnSection(`*${m.sections[section]}*`), ...sectionBlocks(reply, section, m)];
  // An earlier version says so at the top, and its buttons stay in it.
  const olderVersion = reply.currentVersion !== undefined ? target.committee.version.number : undefined;
  const top: Block[] = [
    header(name),
    ...(reply.currentVersion !== undefined
      ? [context(`:warning: ${m.summary.olderVersion(target.committee.version.number, reply.currentVersion)}`)]
      : []),
  ];
  // A part longer than one message is cut with a note; the buttons to the other parts always stay.
  const room = MAX_BLOCKS - top.length - 1;
  const shown = body.length <= room ? body : [...body.slice(0, room - 1), context(m.summary.partCut)];
  const blocks: Block[] = [...top, ...shown, sectionButtons(target.committee.slug, section, language, m, olderVersion)];
  const text = escapeMrkdwn(section === "summary" ? `${name}: ${truncate(mandate.purpose, 200)}` : `${name}: ${m.sections[section]}`);
  return { text, blocks };
}

function sectionButtons(
  slug: string,
  current: MandateReply["section"],
  language: Language,
  m: Messages,
  version: number | undefined,
): Block {
  const all = ["summary", ...MandateSection.options] as const;
  return actions(
    all
      .filter((s) => s !== current)
      .map((s) =>
        button(
          s === "summary" ? m.summaryButton : m.sections[s],
          sectionActionId(s),
          buttonValue({ committee: slug, section: s, language, ...(version !== undefined ? { version } : {}) }),
        ),
      ),
  );
}

function summaryBlocks(reply: MandateReply, m: Messages): Block[] {
  const { language, target, nextDeadline, now } = reply;
  const { committee, roles } = target;
  const mandate = committee.mandate;
  const today = dateInZone(now, committee.timeZone);
  const voting = votingSeats(mandate).length;
  const quorum = quorumText(mandate.decisions, mandate, language);
  const fields = [
    field(m.sections.members, m.summary.members(voting, mandate.members.length - voting)),
    field(m.sections.meetings, meetingRuleText(mandate.meetings, language)),
    field(m.sections.decisions, quorum ? `${m.decisionRules[mandate.decisions.rule]}\n${quorum}` : m.decisionRules[mandate.decisions.rule]),
    field(
      m.summary.nextDeadline,
      nextDeadline
        ? `*#${nextDeadline.deadline.id} ${escapeMrkdwn(nextDeadline.deadline.title)}*\n${deadlineDetails(nextDeadline, language)}`
        : m.summary.noUpcomingDeadline,
    ),
    field(m.summary.valid, validityText(mandate, language, m)),
  ];
  const reportsTo = reportsToText(mandate, language);
  if (reportsTo) fields.push(field(m.summary.reportsTo, reportsTo));
  const funding = fundingHeadline(mandate.funding, language);
  if (funding) fields.push(field(m.sections.funding, funding));
  const heading = [
    mandate.short_name ? escapeMrkdwn(mandate.short_name) : undefined,
    `\`${committee.slug}\``,
    m.summary.version(committee.version.number, formatInstantDay(committee.version.importedAt, committee.timeZone, language)),
    roles.length > 0 ? m.committeeList.yourRoles(roleNames(roles, language)) : undefined,
    mandate.valid.until && mandate.valid.until < today ? m.summary.expired : undefined,
  ].filter((t): t is string => t !== undefined);
  return [
    context(heading.join(" · ")),
    mrkdwnSection(escapeMrkdwn(truncate(mandate.purpose, 400))),
    { type: "section", fields },
    context(`${m.summary.source}: ${sourceText(mandate, language, m)}`),
  ];
}

function validityText(mandate: Mandate, language: Language, m: Messages): string {
  const from = formatDate(mandate.valid.from, language);
  return mandate.valid.until ? m.summary.validFromTo(from, formatDate(mandate.valid.until, language)) : m.summary.validFrom(from);
}

function sourceText(mandate: Mandate, language: Language, m: Messages): string {
  const { source } = mandate;
  const approval =
    source.approved_by && source.approved_on
      ? m.summary.approved(escapeMrkdwn(source.approved_by), formatDate(source.approved_on, language))
      : source.approved_on
        ? m.summary.approvedOn(formatDate(source.approved_on, language))
        : source.approved_by
          ? m.summary.approvedBy(escapeMrkdwn(source.approved_by))
          : undefined;
  return [escapeMrkdwn(source.title), source.issued_by ? m.summary.issuedBy(escapeMrkdwn(source.issued_by)) : undefined, approval]
    .filter(Boolean)
    .join(", ");
}

function provisionLines(mandate: Mandate, section: Provision["section"]): string[] {
  return (mandate.provisions ?? []).filter((p) => p.section === section).map((p) => `• ${escapeMrkdwn(p.text)}`);
}

function sectionBlocks(reply: MandateReply, section: MandateSection, m: Messages): Block[] {
  const { language, target } = reply;
  const mandate = target.committee.mandate;
  switch (section) {
    case "purpose":
      return mrkdwnSections([escapeMrkdwn(mandate.purpose), ...provisionLines(mandate, "purpose")]);
    case "tasks":
      return mrkdwnSections([
        ...mandate.tasks.map((t, i) => `${i + 1}. ${escapeMrkdwn(t.text)} \`${t.id}\``),
        ...provisionLines(mandate, "tasks"),
      ]);
    case "members":
      return mrkdwnSections([...memberLines(mandate, m), ...provisionLines(mandate, "members")]);
    case "meetings":
      return mrkdwnSections([
        `*${meetingRuleText(mandate.meetings, language)}*`,
        ...(mandate.meetings?.text ? [`> ${escapeMrkdwn(mandate.meetings.text)}`] : []),
        ...provisionLines(mandate, "meetings"),
      ]);
    case "obligations":
      return mrkdwnSections(obligationLines(mandate, language, m));
    case "decisions": {
      const rule = mandate.decisions;
      const quorum = quorumText(rule, mandate, language);
      return mrkdwnSections([
        `*${m.decisionRules[rule.rule]}*`,
        ...(quorum ? [quorum] : []),
        ...(rule.threshold !== undefined ? [m.decisions.threshold(Math.round(rule.threshold * 100))] : []),
        ...(rule.text ? [`> ${escapeMrkdwn(rule.text)}`] : []),
        ...provisionLines(mandate, "decisions"),
      ]);
    }
    case "funding":
      return mrkdwnSections(fundingLines(mandate, language, m));
    case "history":
      return mrkdwnSections(historyLines(reply, m));
  }
}

function memberLines(mandate: Mandate, m: Messages): string[] {
  const sorted = [...mandate.members].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return sorted.map((member) => {
    const who = member.slack_id ? `<@${member.slack_id}>` : member.name ? escapeMrkdwn(member.name) : m.membersSection.unnamed;
    const seat = escapeMrkdwn(member.organisation ? `${member.title}, ${member.organisation}` : member.title);
    const groups = member.groups?.length ? ` ${m.membersSection.groups(escapeMrkdwn(member.groups.join(", ")))}` : "";
    return `*${m.roles[member.role]}*: ${seat}${groups}: ${who}`;
  });
}

function obligationLines(mandate: Mandate, language: Language, m: Messages): string[] {
  const o = m.obligationsSection;
  const recurring = (mandate.obligations ?? []).map((ob) => {
    // Any common year shows the due days (explicit days never include 29 February).
    const days = dueDatesInYear(ob, 2001).map((d) => formatDayOfYear(d, language));
    const when = `${o.timesAYear(ob.every.at_least)} (${o.dueOn(days.join(", "))}${ob.due ? "" : `, ${o.spread}`})`;
    return [
      `• *${escapeMrkdwn(ob.title)}*: ${when}`,
      `   ${[o.owner(ownerText(ob.owner, mandate, language)), ob.to ? o.to(escapeMrkdwn(ob.to)) : undefined].filter(Boolean).join(" · ")}`,
    ].join("\n");
  });
  const fixed = (mandate.deadlines ?? [])
    .slice()
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map((d) =>
      [
        `• *${formatDate(d.due, language)}*: ${escapeMrkdwn(d.title)}`,
        `   ${[o.owner(ownerText(d.owner, mandate, language)), d.to ? o.to(escapeMrkdwn(d.to)) : undefined].filter(Boolean).join(" · ")}`,
      ].join("\n"),
    );
  const provisions = provisionLines(mandate, "obligations");
  const reportsTo = reportsToText(mandate, language);
  const head = reportsTo ? [`*${m.summary.reportsTo}:* ${reportsTo}`] : [];
  if (recurring.length + fixed.length + provisions.length === 0) return [...head, o.none];
  return [
    ...head,
    ...(recurring.length ? [`*${o.recurring}*`, ...recurring] : []),
    ...(fixed.length ? [`*${o.fixed}*`, ...fixed] : []),
    ...provisions,
  ];
}

function fundingLines(mandate: Mandate, language: Language, m: Messages): string[] {
  const f = mandate.funding;
  const s = m.fundingSection;
  const provisions = provisionLines(mandate, "funding");
  if (!f) return provisions.length ? provisions : [s.none];
  const money = (amount: number, currency = f.currency) => formatAmount(amount, currency, language);
  const balance = fundingBalance(f);
  return [
    ...(f.total !== undefined ? [`*${s.total}:* ${money(f.total)}`] : []),
    ...(f.years ? [`*${s.years}:* ${f.years.from === f.years.to ? f.years.from : `${f.years.from}–${f.years.to}`}`] : []),
    ...(f.source ? [`*${s.source}:* ${escapeMrkdwn(f.source)}`] : []),
    ...(f.managed_by ? [`*${s.managedBy}:* ${escapeMrkdwn(f.managed_by)}`] : []),
    ...(f.allocations?.length
      ? [`*${s.allocations}*`, ...f.allocations.map((a) => `• ${money(a.amount)}: ${escapeMrkdwn(a.purpose)}`)]
      : []),
    ...(balance
      ? [
          `*${s.allocated}:* ${balance.total !== undefined ? s.ofTotal(money(balance.allocated), money(balance.total)) : money(balance.allocated)}`,
          ...(balance.unallocated !== undefined ? [`*${s.unallocated}:* ${money(balance.unallocated)}`] : []),
        ]
      : []),
    ...(f.other_amounts?.length
      ? [
          `*${s.otherAmounts}*`,
          ...f.other_amounts.map((a) => {
            const amount = money(a.amount, a.currency);
            const years = a.years ? ` (${a.years.from === a.years.to ? a.years.from : `${a.years.from}–${a.years.to}`})` : "";
            return `• ${a.approximate ? s.approximately(amount) : amount}${years}: ${escapeMrkdwn(a.text)}`;
          }),
        ]
      : []),
    ...(f.text ? [escapeMrkdwn(f.text)] : []),
    ...provisions,
  ];
}

function historyLines(reply: MandateReply, m: Messages): string[] {
  const { language, target, versions = [] } = reply;
  const { committee } = target;
  const mandate = committee.mandate;
  const h = m.historySection;
  return [
    `*${h.versions}*`,
    ...versions.map(
      (v) =>
        `• ${h.versionLine(v.number, formatInstantDay(v.importedAt, committee.timeZone, language), escapeMrkdwn(v.sourceFile))}: \`/mandat ${committee.slug} v${v.number}\``,
    ),
    `*${h.document}*`,
    `• ${sourceText(mandate, language, m)}${mandate.source.reference ? ` (${escapeMrkdwn(mandate.source.reference)})` : ""}`,
    ...(mandate.history?.length
      ? [
          `*${h.events}*`,
          ...[...mandate.history]
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
            .map((e) => `• *${formatEventDate(e.date, language)}*: ${escapeMrkdwn(e.text)}`),
        ]
      : []),
    ...provisionLines(mandate, "history"),
  ];
}
