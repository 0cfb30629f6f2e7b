import { dateInZone, EARLIEST_YEAR, LATEST_YEAR } from "../src/domain/calendar-date.js";
import { parseDateInput } from "../src/domain/date-input.js";
import { type DeadlineCursor, type DeadlineListing, PUBLIC_LISTED_MAX } from "../src/domain/deadline.js";
import { MandatError } from "../src/domain/errors.js";
import type { SlashCommand } from "./command.js";
import { replyLanguage } from "./language.js";
import type { Reply } from "./reply.js";
import { isKeyword, textOf, tokenise, tokens } from "./vocabulary.js";

export type FristInput =
  | { kind: "help" }
  /** `after`: the next page, from a list's "more" button (never typed). */
  | { kind: "list"; listing: DeadlineListing; committee?: string; after?: DeadlineCursor }
  | { kind: "add"; committee: string; dateAndTitle: string }
  | { kind: "done"; id: number }
  | { kind: "waive"; id: number; reason: string };

/** "12" or "#12". */
function deadlineId(word: string | undefined): number {
  const match = word?.match(/^#?(\d{1,9})$/);
  if (!match?.[1]) throw new MandatError("deadline_id_missing");
  return Number(match[1]);
}

/** `/frist`: what is due, when and for whom; add, complete and waive deadlines. */
export const frist: SlashCommand<FristInput> = {
  name: "/frist",
  description: "Deadlines: what is due, when and for whom",
  usageHint: "[committee] [all] | <committee> new <date> <title> | done <no.> | waive <no.> <reason> | help",

  parse(text) {
    const words = tokenise(text);
    const [first, second] = words;
    if (first === undefined) return { kind: "list", listing: "upcoming" };
    if (isKeyword(first.text, "help") && second === undefined) return { kind: "help" };
    if (isKeyword(first.text, "done")) return { kind: "done", id: deadlineId(second?.text) };
    if (isKeyword(first.text, "waive")) return { kind: "waive", id: deadlineId(second?.text), reason: textOf(text, words.slice(2)) };
    const newAt = words.findIndex((w, i) => i > 0 && isKeyword(w.text, "new"));
    if (newAt > 0) {
      return { kind: "add", committee: textOf(text, words.slice(0, newAt)), dateAndTitle: textOf(text, words.slice(newAt + 1)) };
    }
    const all = words.some((w) => isKeyword(w.text, "all"));
    // "all" may stand anywhere, so the committee's words need not be consecutive: joined by single
    // spaces, as textOf would give for consecutive ones.
    const committee = words
      .filter((w) => !isKeyword(w.text, "all"))
      .map((w) => w.text)
      .join(" ");
    return { kind: "list", listing: all ? "all" : "upcoming", ...(committee ? { committee } : {}) };
  },

  async run(input, context, { directory, deadlines }): Promise<Reply> {
    const { caller, now } = context;
    switch (input.kind) {
      case "help":
        return { kind: "help", command: "frist", language: replyLanguage(context, { visible: await directory.mine(caller) }) };
      case "list": {
        const asOf = context.asOfGiven ? now : undefined;
        const page = { after: input.after };
        if (input.committee) {
          const target = await directory.find(caller, input.committee);
          const listed = await deadlines.list(caller, { kind: "committees", committees: [target] }, input.listing, now, page);
          return {
            kind: "deadlines",
            language: replyLanguage(context, { committee: target.committee }),
            listing: input.listing,
            committee: target,
            ...listed,
            publicOnly: false,
            continued: input.after !== undefined,
            asOf,
          };
        }
        const mine = await directory.mine(caller);
        // Someone on no roster sees the public committees' next deadlines: a short list (there
        // may be a thousand committees), with how to ask for one committee's or for more.
        const listed =
          mine.length > 0
            ? await deadlines.list(caller, { kind: "committees", committees: mine }, input.listing, now, page)
            : await deadlines.list(caller, { kind: "public" }, input.listing, now, { ...page, limit: PUBLIC_LISTED_MAX });
        return {
          kind: "deadlines",
          language: replyLanguage(context, { visible: mine }),
          listing: input.listing,
          ...listed,
          publicOnly: mine.length === 0,
          continued: input.after !== undefined,
          asOf,
        };
      }
      case "add": {
        const target = await directory.find(caller, input.committee);
        const parsed = parseDateInput(input.dateAndTitle, dateInZone(now, target.committee.timeZone));
        if (!parsed.ok) {
          const typed = tokens(input.dateAndTitle).slice(0, 3).join(" ");
          const language = target.committee.mandate.language;
          if (parsed.reason === "date_out_of_range") {
            throw new MandatError("date_out_of_range", { input: typed, from: EARLIEST_YEAR, to: LATEST_YEAR }, { language });
          }
          throw new MandatError(parsed.reason, { input: typed }, { language });
        }
        const view = await deadlines.add(caller, target, { dueDate: parsed.date, title: parsed.rest }, now);
        return { kind: "deadline-changed", change: "added", view, language: replyLanguage(context, { committee: target.committee }) };
      }
      case "done": {
        const view = await deadlines.complete(caller, input.id, now);
        return { kind: "deadline-changed", change: "done", view, language: replyLanguage(context, { committee: view.committee }) };
      }
      case "waive": {
        const view = await deadlines.waive(caller, input.id, input.reason, now);
        return { kind: "deadline-changed", change: "waived", view, language: replyLanguage(context, { committee: view.committee }) };
      }
    }
  },
};
