// The commands the benchmarks send, chosen from the generated committees: who asks, about
// which committee, and what each reply must show so that a refusal is never measured as an answer.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { MEMBER_OF_THREE, ON_NO_ROSTER } from "../generate-committees.js";
import { type Answer, ask, type Command, type Target } from "./ask.js";

export interface Case extends Command {
  label: string;
  /** Why the reply is not the one the case asks for; undefined when it is. */
  check(answer: Answer): string | undefined;
}

/** A generated committee: its slug and number (the number is in its names and titles, and nowhere else). */
interface Generated {
  slug: string;
  number: number;
  visibility: string;
}

function generated(file: string): Generated {
  const content = parse(readFileSync(file, "utf8")) as { slug: string; visibility: string };
  const number = Number(content.slug.match(/-(\d+)$/)?.[1]);
  return { slug: content.slug, number, visibility: content.visibility };
}

/** The public committee nearest the middle of the generated files (the first ones are MEMBER_OF_THREE's own). */
function middleCommittee(files: readonly string[]): Generated {
  const middle = Math.floor(files.length / 2);
  const order = files.map((file, i) => ({ file, distance: Math.abs(i - middle) })).sort((a, b) => a.distance - b.distance);
  for (const { file } of order) {
    const committee = generated(file);
    if (committee.visibility === "public" && committee.number > 3) return committee;
  }
  throw new Error("the generated committees hold no public committee beyond the first three");
}

/** A word in the mandate text of three of the four templates: found in about 3 of 4 committees. */
export const COMMON_WORD = "forskning";

/** Everything the message says (its text and blocks), to look for what the case must show. */
function visibleText(answer: Answer): string {
  return JSON.stringify(answer.message);
}

/** A reply that is one ":warning:" section is the bot's error message (src/slack/blocks/reply-blocks.ts). */
function errorReply(answer: Answer): string | undefined {
  const [first, ...rest] = answer.message.blocks as { text?: { text?: string } }[];
  const text = first?.text?.text;
  return rest.length === 0 && text?.startsWith(":warning:") ? `an error reply: ${text}` : undefined;
}

function expecting(...fragments: string[]) {
  return (answer: Answer): string | undefined => {
    const refused = errorReply(answer);
    if (refused) return refused;
    const text = visibleText(answer);
    const missing = fragments.filter((f) => !text.includes(f));
    return missing.length > 0 ? `the reply does not show ${missing.map((m) => JSON.stringify(m)).join(", ")}` : undefined;
  };
}

/**
 * The cases of issue 8, on `files` (the generator's output): `/frist` and `/mandat` in every form
 * by the member of three committees, about one public committee in the middle, a search for a
 * common and for a rare word, and both commands by someone on no roster.
 */
export function benchCases(files: readonly string[]): Case[] {
  const target = middleCommittee(files);
  const c = target.slug;
  // The committee's number: in its names and its obligations' titles, in no other committee's text.
  const rare = String(target.number);
  const m3 = MEMBER_OF_THREE;
  return [
    { label: "/frist (member of 3)", command: "/frist", text: "", user: m3, check: expecting() },
    { label: "/frist alle", command: "/frist", text: "alle", user: m3, check: expecting() },
    { label: "/frist <committee>", command: "/frist", text: c, user: m3, check: expecting(` ${rare}`) },
    { label: "/frist <committee> alle", command: "/frist", text: `${c} alle`, user: m3, check: expecting(` ${rare}`) },
    { label: "/mandat", command: "/mandat", text: "", user: m3, check: expecting() },
    { label: "/mandat <committee>", command: "/mandat", text: c, user: m3, check: expecting(` ${rare}`) },
    { label: "/mandat <committee> oppgaver", command: "/mandat", text: `${c} oppgaver`, user: m3, check: expecting(` ${rare}`) },
    { label: `/mandat søg ${COMMON_WORD}`, command: "/mandat", text: `søg ${COMMON_WORD}`, user: m3, check: expecting() },
    { label: "/mandat søg <rare word>", command: "/mandat", text: `søg ${rare}`, user: m3, check: expecting(` ${rare}`) },
    { label: "/frist (on no roster)", command: "/frist", text: "", user: ON_NO_ROSTER, check: expecting() },
    { label: "/mandat (on no roster)", command: "/mandat", text: "", user: ON_NO_ROSTER, check: expecting() },
  ];
}

export type Outcome = ({ ok: true } & Pick<Answer, "ms" | "ackMs" | "via">) | { ok: false; reason: string };

/** Sends the case's command to `target` and judges the reply: its time, or why it is no answer to the case. */
export async function runCase(target: Target, c: Case): Promise<Outcome> {
  try {
    const answer = await ask(target, c);
    const wrong = c.check(answer);
    return wrong ? { ok: false, reason: `${c.label}: ${wrong}` } : { ok: true, ms: answer.ms, ackMs: answer.ackMs, via: answer.via };
  } catch (error) {
    return { ok: false, reason: `${c.label}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
