import type { Reply } from "../../../commands/reply.js";
import type { Language } from "../../domain/language.js";
import { committeeName } from "../../domain/mandate.js";
import { messages } from "../../i18n/index.js";
import type { VisibleCommittee } from "../../services/committee-directory.js";
import { buttonValue, openActionId } from "../ids.js";
import { type Block, button, capBlocks, header, mrkdwnSection, type SlackMessage } from "./message.js";
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
  const { language, mine, others } = reply;
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
  const names = [...mine, ...others].map((v) => committeeName(v.committee.mandate, language));
  return { text: escapeMrkdwn([c.title, ...names].join("\n")), blocks: capBlocks(blocks, c.more) };
}
