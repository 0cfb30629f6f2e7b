import { MandatError } from "../src/domain/errors.js";
import type { MandateSection } from "../src/domain/mandate.js";
import type { SlashCommand } from "./command.js";
import { replyLanguage } from "./language.js";
import type { Reply } from "./reply.js";
import { isKeyword, sectionFor, textOf, tokenise } from "./vocabulary.js";

export type MandatInput =
  /** `offset`: a later page of the public committees, from the list's "more" button (never typed). */
  | { kind: "list"; offset?: number }
  | { kind: "help" }
  | { kind: "search"; query: string }
  | { kind: "show"; committee: string; section: MandateSection | "summary"; version?: number; lastWord?: string };

/** Public committees shown per page of `/mandat` (each is a block; a message holds 50). */
export const COMMITTEES_PER_PAGE = 20;

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
          language: replyLanguage(context, { visible: await directory.mine(context.caller) }),
        };
      case "list": {
        const mine = await directory.mine(context.caller);
        const offset = input.offset ?? 0;
        // A later page shows only the public committees; the caller's own head the first one.
        const others = await directory.others(context.caller, mine, { offset, limit: COMMITTEES_PER_PAGE });
        return {
          kind: "committees",
          language: replyLanguage(context, { visible: mine }),
          mine: offset === 0 ? mine : [],
          others: others.items,
          othersTotal: others.total,
          othersOffset: offset,
        };
      }
      case "search": {
        const found = await directory.search(context.caller, input.query);
        return {
          kind: "search",
          query: input.query,
          ...found,
          language: replyLanguage(context, { visible: await directory.mine(context.caller) }),
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
          const [nextDeadline] = older
            ? []
            : (await deadlines.list(context.caller, { kind: "committees", committees: [current] }, "upcoming", context.now, { limit: 1 }))
                .items;
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
