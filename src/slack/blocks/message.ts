import type { types } from "@slack/bolt";
import { packLines, truncate } from "./mrkdwn.js";

export type Block = types.KnownBlock;

/** What is sent to Slack: blocks, and the plain text notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack refuses more than 50 blocks in a message. */
export const MAX_BLOCKS = 50;

export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: truncate(text, 150), emoji: true } };
}

export function mrkdwnSection(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } };
}

/** Several sections for text too long for one. */
export function mrkdwnSections(lines: string[]): Block[] {
  return packLines(lines).map(mrkdwnSection);
}

export function context(...texts: string[]): Block {
  return {
    type: "context",
    elements: texts
      .filter((t) => t.length > 0)
      .slice(0, 10)
      .map((t) => ({ type: "mrkdwn", text: truncate(t, 3000) })),
  };
}

export function button(text: string, actionId: string, value: string, style?: "primary"): types.Button {
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(text, 75), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(elements: types.Button[]): Block {
  return { type: "actions", elements: elements.slice(0, 25) };
}

/** Keeps a message within Slack's block limit, saying how much was left out. */
export function capBlocks(blocks: Block[], moreText: (n: number) => string, max = MAX_BLOCKS): Block[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(moreText(blocks.length - kept.length))];
}

/** `*Label*\nvalue` for section fields. */
export function field(label: string, value: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: truncate(`*${label}*\n${value}`, 2000) };
}
