/**
 * Text folding for matching what people type against names and mandate text: case-insensitive,
 * ä/æ and ö/ø treated as the same letter (Swedish and Danish/Norwegian spell them apart), other
 * accents dropped (é → e), while å stays å because "år" and "ar" are different words.
 */
export function foldForSearch(text: string): string {
  const lower = text.normalize("NFC").toLocaleLowerCase("und").replace(/ä/g, "æ").replace(/ö/g, "ø");
  let out = "";
  for (const char of lower) {
    // ASCII needs no decomposing; this keeps a search through a large mandate fast.
    if (char < "\u0080") out += char;
    else out += char === "å" || char === "æ" || char === "ø" ? char : char.normalize("NFKD").replace(/\p{M}/gu, "");
  }
  return out.replace(/\s+/g, " ").trim();
}

/** The words of a query, folded, without duplicates or empties. */
export function searchWords(query: string): string[] {
  return [
    ...new Set(
      foldForSearch(query)
        .split(/[\s,;:!?()"'«»]+/)
        .filter((w) => w.length > 0),
    ),
  ];
}

/** Whether every word occurs in the text (as a substring of the folded text). */
export function containsAllWords(text: string, words: string[]): boolean {
  const folded = foldForSearch(text);
  return words.every((word) => folded.includes(word));
}
