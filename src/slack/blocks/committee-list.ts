import type { Reply } from "../../../commands/reply.js";
import type { Language } from "../../domain/language.js";
import { committeeName } from "../../domain/mandate.js";
import { messages } from "../../i18n/index.js";
import type { VisibleCommittee } from "../../services/committee-directory.js";
import { ACTION_PREFIX, buttonValue, openActionId } from "../ids.js";
import { actions, type Block, button, capBlocks, context, header, MAX_BLOCKS, mrkdwnSection, type SlackMessage } from "./message.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { meetingRuleText, roleNames } from "./phrases.js";

type CommitteesReply = Extract<Reply, { kind: "committees" }>;

function committeeBlock(v: VisibleCommittee, language: Language): Block {
  const m = messages(language);
  const mandate = v.committee.mandate;
  const details = [
    `\`${v.committee.slug}\``,
    mandate.short_name ? escapeMrkdwn(mandate.short_name) : undefined,
    meetingRuleText(mandate.meetings, language),
    v.roles.length ? m.committeeList.yourRoles(roleNames(v.roles, language)) : undefined,
  ].filter(Boolean);
  return {
    type: "section",
    text: { type: "mrkdwn", text: `*${escapeMrkdwn(committeeName(mandate, language))}*\n${details.join(" · ")}` },
    accessory: button(m.committeeList.open, openActionId(v.committee.slug), buttonValue({ committee: v.committee.slug, language })),
  };
}

export function committeeListMessage(reply: CommitteesReply): SlackMessage {
  const { language, mine, others, othersTotal, othersOffset } = reply;
  const c = messages(language).committeeList;
  const blocks: Block[] = [header(c.title)];
  if (mine.length === 0 && others.length === 0) {
    blocks.push(mrkdwnSection(c.none));
  } else {
    if (mine.length > 0) blocks.push(mrkdwnSection(`*${c.yours}*`), ...mine.map((v) => committeeBlock(v, language)));
    if (others.length > 0) {
      blocks.push(mrkdwnSection(mine.length > 0 ? `*${c.others}*` : c.noneOfYours), ...others.map((v) => committeeBlock(v, language)));
    }
  }
  const after = othersOffset + others.length;
  const more =
    after < othersTotal
      ? [
          context(c.more(othersTotal - after)),
          actions([button(c.showMore, ACTION_PREFIX.moreCommittees, buttonValue({ offset: after, language }))]),
        ]
      : [];
  const names = [...mine, ...others].map((v) => committeeName(v.committee.mandate, language));
  // The page's own "more" stays whatever else is cut: it is how to reach the rest.
  return { text: escapeMrkdwn([c.title, ...names].join("\n")), blocks: [...capBlocks(blocks, c.more, MAX_BLOCKS - more.length), ...more] };
}
