import { MandatError } from "../src/domain/errors.js";
import type { MandateSection } from "../src/domain/mandate.js";
import type { SlashCommand } from "./command.js";
import { callerLanguage, committeeLanguage } from "./language.js";
import type { Reply } from "./reply.js";
import { isKeyword, sectionFor, tokens } from "./vocabulary.js";

export type MandatInput =
  | { kind: "list" }
  | { kind: "help" }
  | { kind: "search"; query: string }
  | { kind: "show"; committee: string; section: MandateSection | "summary"; lastWord?: string };

/** `/mandat`: a committee's mandate, answered from the mandate itself. */
export const mandat: SlashCommand<MandatInput> = {
  name: "/mandat",
  description: "A committee's mandate: purpose, tasks, members, meetings, reporting, decisions, funding",
  usageHint: "[committee] [section] | search <words> | help",

  parse(text) {
    const words = tokens(text);
    const [first, ...rest] = words;
    if (first === undefined) return { kind: "list" };
    if (isKeyword(first, "help") && rest.length === 0) return { kind: "help" };
    if (isKeyword(first, "search")) return { kind: "search", query: rest.join(" ") };
    const last = words.at(-1);
    const section = words.length > 1 ? sectionFor(last) : undefined;
    if (section) return { kind: "show", committee: words.slice(0, -1).join(" "), section };
    return { kind: "show", committee: words.join(" "), section: "summary", ...(words.length > 1 && last ? { lastWord: last } : {}) };
  },

  async run(input, context, { directory, deadlines }): Promise<Reply> {
    switch (input.kind) {
      case "help":
        return { kind: "help", command: "mandat", language: callerLanguage(context, await directory.visibleTo(context.caller)) };
      case "list": {
        const visible = await directory.visibleTo(context.caller);
        return {
          kind: "committees",
          language: callerLanguage(context, visible),
          mine: visible.filter((v) => v.roles.length > 0),
          others: visible.filter((v) => v.roles.length === 0),
        };
      }
      case "search": {
        const results = await directory.search(context.caller, input.query);
        return { kind: "search", query: input.query, results, language: callerLanguage(context, await directory.visibleTo(context.caller)) };
      }
      case "show": {
        const target = await findWithSectionHint(input, context, directory);
        const language = committeeLanguage(context, target);
        if (input.section === "summary") {
          const [nextDeadline] = await deadlines.list([target], "upcoming", context.now);
          return { kind: "mandate", language, target, section: "summary", now: context.now, nextDeadline };
        }
        if (input.section === "history") {
          return { kind: "mandate", language, target, section: "history", now: context.now, versions: await directory.versions(target.committee) };
        }
        return { kind: "mandate", language, target, section: input.section, now: context.now };
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
    await directory.find(context.caller, withoutLast).catch(() => {
      throw error;
    });
    throw new MandatError("unknown_section", { word: input.lastWord });
  }
}
