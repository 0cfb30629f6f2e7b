import type { Block, SlackMessage } from "../slack/blocks/message.js";

/** The emoji codes the bot uses, as the characters Slack shows. */
const EMOJI: Record<string, string> = {
  red_circle: "🔴",
  large_orange_circle: "🟠",
  white_circle: "⚪",
  white_check_mark: "✅",
  heavy_minus_sign: "➖",
  x: "❌",
  warning: "⚠️",
};

/**
 * mrkdwn → terminal text: bold and italic marks dropped; code spans kept, since they show what
 * to type; mentions, links, emoji and entities made readable.
 */
function plain(text: string): string {
  return text
    .replace(/:([a-z_]+):/g, (code, name: string) => EMOJI[name] ?? code)
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;])/gm, "$1$2")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;])/gm, "$1$2")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function blockText(block: Block): string[] {
  switch (block.type) {
    case "header":
      return ["", `== ${plain(block.text.text)} ==`];
    case "section": {
      const text = block.text ? [plain(block.text.text)] : [];
      const fields = (block.fields ?? []).map((f) => plain(f.text).replace("\n", ": "));
      const accessory = block.accessory?.type === "button" ? [`  [${plain(block.accessory.text.text)}]`] : [];
      return [...text, ...fields, ...accessory];
    }
    case "context":
      return [
        block.elements
          .map((e) => ("text" in e && typeof e.text === "string" ? plain(e.text) : ""))
          .filter(Boolean)
          .join(" · "),
      ];
    case "actions":
      return [block.elements.map((e) => (e.type === "button" ? `[${plain(e.text.text)}]` : "")).join(" ")];
    case "divider":
      return ["—"];
    default:
      return [];
  }
}

/** What the CLI prints for a reply: the same blocks Slack would show, as text. */
export function renderText(message: SlackMessage): string {
  return message.blocks.flatMap(blockText).join("\n").trim();
}
