import type { Reply } from "../../../commands/reply.js";
import { committeeName } from "../../domain/mandate.js";
import { searchWords } from "../../domain/search-text.js";
import { messages } from "../../i18n/index.js";
import { type Block, capBlocks, context, header, mrkdwnSections, type SlackMessage } from "./message.js";
import { escapeMrkdwn } from "./mrkdwn.js";

type SearchReply = Extract<Reply, { kind: "search" }>;

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

/**
 * The committees found (at most SEARCH_COMMITTEES_SHOWN, see src/domain/mandate-search.ts), each
 * with its first passages, and how many more committees matched: a word found everywhere asks
 * for another word, not for a thousand sections.
 */
export function searchResultsMessage(reply: SearchReply): SlackMessage {
  const { language, query, results, committeesFound } = reply;
  const m = messages(language);
  const shownQuery = escapeMrkdwn(query.trim());
  const words = searchWords(query);
  const blocks: Block[] = [header(m.search.title(query.trim()))];
  if (results.length === 0) blocks.push(...mrkdwnSections([m.search.none(shownQuery)]));
  for (const { committee, hits, hitCount } of results) {
    const lines = hits.map((hit) => `• _${m.sections[hit.section]}_: ${escapeMrkdwn(snippet(hit.text, words))}`);
    if (hitCount > hits.length) lines.push(m.search.more(hitCount - hits.length));
    blocks.push(...mrkdwnSections([`*${escapeMrkdwn(committeeName(committee, language))}* \`${committee.slug}\``, ...lines]));
  }
  const moreCommittees = committeesFound - results.length;
  if (moreCommittees > 0) blocks.push(context(m.search.moreCommittees(moreCommittees)));
  const count = results.reduce((n, r) => n + r.hitCount, 0);
  return { text: escapeMrkdwn(`${m.search.title(query.trim())} (${count})`), blocks: capBlocks(blocks, m.search.more) };
}
