/**
 * Slack's Block Kit limits (docs.slack.dev), checked on a message as sent: a reply over HTTP, or
 * what the block builders return. Used by every suite that renders replies.
 */

type Json = Record<string, unknown>;

/** Every way the message breaks one of Slack's Block Kit limits (docs.slack.dev), as readable lines. */
export function blockKitProblems(message: object | undefined): string[] {
  const problems: string[] = [];
  if (!message) return ["no JSON body"];
  const json = message as Json;
  const length = (s: unknown) => [...String(s)].length;
  if (typeof json.text !== "string" || json.text.trim() === "") problems.push("no plain text fallback");
  // Slack cuts a message's text at 40 000 characters.
  else if (length(json.text) > 40_000) problems.push(`text fallback of ${length(json.text)} chars (max 40000)`);
  const blocks = json.blocks;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...problems, "no blocks"];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  const button = (b: Json, where: string) => {
    const text = (b.text as Json | undefined)?.text;
    if (length(text) > 75) problems.push(`${where}: button text of ${length(text)} chars (max 75)`);
    if (length(b.action_id) > 255) problems.push(`${where}: action_id of ${length(b.action_id)} chars (max 255)`);
    if (b.value !== undefined && length(b.value) > 2000) problems.push(`${where}: button value of ${length(b.value)} chars (max 2000)`);
  };
  blocks.forEach((raw: unknown, i) => {
    const block = raw as Json;
    const where = `blocks[${i}] (${String(block.type)})`;
    if (block.block_id !== undefined && length(block.block_id) > 255) problems.push(`${where}: block_id over 255`);
    const text = block.text as Json | undefined;
    switch (block.type) {
      case "header":
        if (text?.type !== "plain_text") problems.push(`${where}: header text must be plain_text`);
        if (length(text?.text) > 150) problems.push(`${where}: header of ${length(text?.text)} chars (max 150)`);
        break;
      case "section": {
        const fields = (block.fields as Json[] | undefined) ?? [];
        if (!text && fields.length === 0) problems.push(`${where}: neither text nor fields`);
        if (text && (length(text.text) > 3000 || length(text.text) < 1))
          problems.push(`${where}: section text of ${length(text.text)} chars (1..3000)`);
        if (fields.length > 10) problems.push(`${where}: ${fields.length} fields (max 10)`);
        fields.forEach((f, j) => {
          if (length(f.text) > 2000) problems.push(`${where}: fields[${j}] of ${length(f.text)} chars (max 2000)`);
        });
        const accessory = block.accessory as Json | undefined;
        if (accessory?.type === "button") button(accessory, `${where}.accessory`);
        break;
      }
      case "context": {
        const elements = (block.elements as Json[] | undefined) ?? [];
        if (elements.length < 1 || elements.length > 10) problems.push(`${where}: ${elements.length} elements (1..10)`);
        elements.forEach((e, j) => {
          if (length(e.text) > 3000) problems.push(`${where}: elements[${j}] of ${length(e.text)} chars (max 3000)`);
        });
        break;
      }
      case "actions": {
        const elements = (block.elements as Json[] | undefined) ?? [];
        if (elements.length < 1 || elements.length > 25) problems.push(`${where}: ${elements.length} elements (1..25)`);
        const ids = elements.map((e) => e.action_id);
        if (new Set(ids).size !== ids.length) problems.push(`${where}: action_ids repeat within the block`);
        elements.forEach((e, j) => {
          button(e, `${where}.elements[${j}]`);
        });
        break;
      }
      case "divider":
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}
