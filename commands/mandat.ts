import { MandatError } from "../src/domain/errors.js";
import type { MandateSection } from "../src/domain/mandate.js";
import type { SlashCommand } from "./command.js";
import { replyLanguage } from "./language.js";
import type { Reply } from "./reply.js";
import { isKeyword, sectionFor, textOf, tokenise } from "./vocabulary.js";

export type MandatInput =
  | { kind: "list" }
  | { kind: "help" }
  | { kind: "search"; query: string }
  | { kind: "show"; committee: string; section: MandateSection | "summary"; version?: number; lastWord?: string };

/** `v2`: an earlier version of the mandate. */
const VERSION_WORD = /^v(\d{1,4})$/i;

/** `/mandat`: a committee's mandate, answered from the mandate itself. */
export const mandat: SlashCommand<MandatInput> = {
  name: "/mandat",
  description: "A committee's mandate: purpose, tasks, members, meetings, reporting, decisions, funding",
  usageHint: "[committee] [section] | search <words> | help",

  parse(text) {
    const words = tokenise(text);
    const [first, ...rest] = words;
    if (first === undefined) return { kind: "list" };
    if (isKeyword(first.text, "help") && rest.length === 0) return { kind: "help" };
    if (isKeyword(first.text, "search")) return { kind: "search", query: textOf(text, rest) };
    const versionAt = words.findIndex((w, i) => i > 0 && VERSION_WORD.test(w.text));
    const version = versionAt > 0 ? { version: Number(words[versionAt]?.text.slice(1)) } : {};
    // A version word may stand between the committee's words ("nor v2 prem"), so these need not be
    // consecutive: joined by single spaces, as textOf would give for consecutive ones.
    const named = (versionAt > 0 ? words.filter((_, i) => i !== versionAt) : words).map((w) => w.text);
    const last = named.at(-1);
    const section = named.length > 1 ? sectionFor(last) : undefined;
    if (section) return { kind: "show", committee: named.slice(0, -1).join(" "), section, ...version };
    return {
      kind: "show",
      committee: named.join(" "),
      section: "summary",
      ...version,
      ...(named.length > 1 && last ? { lastWord: last } : {}),
    };
  },

  async run(input, context, { directory, deadlines }): Promise<Reply> {
    switch (input.kind) {
      case "help":
        return {
          kind: "help",
          command: "mandat",
          language: replyLanguage(context, { visible: await directory.visibleTo(context.caller) }),
        };
      case "list": {
        const visible = await directory.visibleTo(context.caller);
        return {
          kind: "committees",
          language: replyLanguage(context, { visible }),
          mine: visible.filter((v) => v.roles.length > 0),
          others: visible.filter((v) => v.roles.length === 0),
        };
      }
      case "search": {
        const found = await directory.search(context.caller, input.query);
        return {
          kind: "search",
          query: input.query,
          ...found,
          language: replyLanguage(context, { visible: await directory.visibleTo(context.caller) }),
        };
      }
      case "show": {
        const current = await findWithSectionHint(input, context, directory);
        const language = replyLanguage(context, { committee: current.committee });
        const wanted = input.version ?? current.committee.version.number;
        const older = wanted !== current.committee.version.number;
        const target = older ? await directory.atVersion(current, wanted) : current;
        const shown = {
          kind: "mandate",
          language,
          target,
          now: context.now,
          currentVersion: older ? current.committee.version.number : undefined,
        } as const;
        if (input.section === "summary") {
          // Deadlines follow the current version; an earlier one has no "next deadline".
          const [nextDeadline] = older ? [] : (await deadlines.list([current], "upcoming", context.now, 1)).items;
          return { ...shown, section: "summary", nextDeadline };
        }
        if (input.section === "history") return { ...shown, section: "history", versions: await directory.versions(current) };
        return { ...shown, section: input.section };
      }
    }
  },
};

/**
 * "/mandat norprem budjet" (a typo for a section) should not answer "no committee called
 * norprem budjet": when the whole text names no committee but all words except the last do,
 * the last word is the problem.
 */
async function findWithSectionHint(
  input: Extract<MandatInput, { kind: "show" }>,
  context: Parameters<SlashCommand<MandatInput>["run"]>[1],
  directory: Parameters<SlashCommand<MandatInput>["run"]>[2]["directory"],
) {
  try {
    return await directory.find(context.caller, input.committee);
  } catch (error) {
    if (!(error instanceof MandatError) || error.code !== "unknown_committee" || !input.lastWord) throw error;
    const withoutLast = input.committee.slice(0, input.committee.length - input.lastWord.length).trim();
    const found = await directory.find(context.caller, withoutLast).catch(() => {
      throw error;
    });
    throw new MandatError("unknown_section", { word: input.lastWord }, { language: found.committee.mandate.language });
  }
}
