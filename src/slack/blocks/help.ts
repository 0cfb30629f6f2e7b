import type { Reply } from "../../../commands/reply.js";
import { messages } from "../../i18n/index.js";
import { context, header, mrkdwnSections, type SlackMessage } from "./message.js";

export function helpMessage(reply: Extract<Reply, { kind: "help" }>): SlackMessage {
  const m = messages(reply.language).help;
  if (reply.command === "mandat") {
    return {
      text: m.mandat.title,
      blocks: [header(m.mandat.title), ...mrkdwnSections(m.mandat.lines.map((l) => `• ${l}`)), context(m.mandat.committeeHint)],
    };
  }
  return {
    text: m.frist.title,
    blocks: [header(m.frist.title), ...mrkdwnSections(m.frist.lines.map((l) => `• ${l}`)), context(m.frist.dates)],
  };
}
