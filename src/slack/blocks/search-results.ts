import type { Reply } from "../../../commands/reply.js";
import { committeeName } from "../../domain/mandate.js";
import { searchWords } from "../../domain/search-text.js";
import { messages } from "../../i18n/index.js";
import { type Block, capBlocks, header, mrkdwnSections, type SlackMessage } from "./message.js";
import { escapeMrkdwn } from "./mrkdwn.js";

type SearchReply = Extract<Reply, { kind: "search" }>;

const HITS_PER_COMMITTEE = 6;
const SNIPPET = 240;

/** The passage around the first word found, cut to a phone-sized snippet. */
function snippet(text: string, words: string[]): string {
  if (text.length <= SNIPPET) return text;
  const lower = text.toLowerCase();
  const at = Math.max(
    0,
    ...words
      .map((w) => lower.indexOf(w))
      .filter((i) => i >= 0)
      .slice(0, 1),
  );
  const start = Math.max(0, at - 60);
  const cut = text.slice(start, start + SNIPPET);
  return `${start > 0 ? "…" : ""}${cut}${start + SNIPPET < text.length ? "…" : ""}`;
}

export function searchResultsMessage(reply: SearchReply): SlackMessage {
  const { language, query, results } = reply;
  const m = messages(language);
  const shownQuery = escapeMrkdwn(query.trim());
  const words = searchWords(query);
  const blocks: Block[] = [header(m.search.title(query.trim()))];
  if (results.length === 0) blocks.push(...mrkdwnSections([m.search.none(shownQuery)]));
  for (const { committee, hits } of results) {
    const lines = hits
      .slice(0, HITS_PER_COMMITTEE)
      .map((hit) => `• _${m.sections[hit.section]}_: ${escapeMrkdwn(snippet(hit.text, words))}`);
    if (hits.length > HITS_PER_COMMITTEE) lines.push(m.search.more(hits.length - HITS_PER_COMMITTEE));
    blocks.push(...mrkdwnSections([`*${escapeMrkdwn(committeeName(committee.mandate, language))}* \`${committee.slug}\``, ...lines]));
  }
  const count = results.reduce((n, r) => n + r.hits.length, 0);
  return { text: escapeMrkdwn(`${m.search.title(query.trim())} (${count})`), blocks: capBlocks(blocks, m.search.more) };
}
