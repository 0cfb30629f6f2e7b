import type { Reply } from "../../../commands/reply.js";
import { LISTED_MAX } from "../../domain/deadline.js";
import { committeeName } from "../../domain/mandate.js";
import { formatDate, formatInstantDay } from "../../i18n/format.js";
import { messages } from "../../i18n/index.js";
import { ACTION_PREFIX, buttonValue } from "../ids.js";
import { actions, type Block, button, context, header, MAX_BLOCKS, mrkdwnSections, type SlackMessage } from "./message.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { deadlineDetails, deadlineStateEmoji } from "./phrases.js";

type DeadlinesReply = Extract<Reply, { kind: "deadlines" }>;
type ChangedReply = Extract<Reply, { kind: "deadline-changed" }>;

export function deadlineListMessage(reply: DeadlinesReply): SlackMessage {
  const { language, listing, committee, items, total, totalIsAtLeast, next, publicOnly, asOf } = reply;
  const d = messages(language).deadlineList;
  const name = committee ? committeeName(committee.committee.mandate, language) : undefined;
  const title = name
    ? listing === "all"
      ? d.titleAllFor(name)
      : d.titleUpcomingFor(name)
    : listing === "all"
      ? d.titleAll
      : d.titleUpcoming;
  const zone = committee?.committee.timeZone ?? items[0]?.committee.timeZone ?? "UTC";
  const notes = [asOf ? d.asOf(formatInstantDay(asOf, zone, language)) : undefined, publicOnly ? d.publicOnly : undefined].filter(
    (t): t is string => t !== undefined,
  );
  const shown = items.slice(0, LISTED_MAX);
  const lines = shown.map((view) => {
    const who = committee
      ? ""
      : ` · _${escapeMrkdwn(view.committee.mandate.short_name ?? committeeName(view.committee.mandate, language))}_`;
    return `${deadlineStateEmoji(view)} *#${view.deadline.id} ${escapeMrkdwn(view.deadline.title)}*${who}\n${deadlineDetails(view, language)}`;
  });
  const blocks: Block[] = [
    header(title),
    ...(notes.length ? [context(notes.join(" · "))] : []),
    ...(lines.length ? mrkdwnSections(lines) : mrkdwnSections([listing === "all" ? d.noneAll : d.none])),
    ...(total > shown.length ? [context(d.more(total - shown.length, totalIsAtLeast))] : []),
    ...(next
      ? [
          actions([
            button(
              d.showMore,
              ACTION_PREFIX.moreDeadlines,
              buttonValue({ listing, ...(committee ? { committee: committee.committee.slug } : {}), after: next, language }),
            ),
          ]),
        ]
      : []),
  ];
  const first = shown[0];
  const text = escapeMrkdwn(
    first ? `${title}: #${first.deadline.id} ${first.deadline.title}, ${formatDate(first.deadline.dueDate, language)}` : title,
  );
  return { text, blocks: blocks.slice(0, MAX_BLOCKS) };
}

export function deadlineChangedMessage(reply: ChangedReply): SlackMessage {
  const { language, change, view } = reply;
  const m = messages(language);
  const title = escapeMrkdwn(view.deadline.title);
  const line =
    change === "added"
      ? m.deadlineAdded(
          view.deadline.id,
          title,
          formatDate(view.deadline.dueDate, language),
          escapeMrkdwn(committeeName(view.committee.mandate, language)),
        )
      : change === "done"
        ? m.deadlineDone(view.deadline.id, title)
        : m.deadlineWaived(view.deadline.id, title);
  return { text: line, blocks: [...mrkdwnSections([`:white_check_mark: ${line}`]), context(deadlineDetails(view, language))] };
}
