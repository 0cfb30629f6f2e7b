/**
 * Slack mrkdwn treats &, < and > as control characters: a title like "<!channel>" would ping
 * everyone. Every piece of user or mandate text goes through escapeMrkdwn before it is shown.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

/** Section text may hold 3000 characters: packs lines into as few sections as fit, with margin. */
export function packLines(lines: string[], max = 2900): string[] {
  const packs: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      packs.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) packs.push(current);
  return packs;
}
