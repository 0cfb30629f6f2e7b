import type { Committee } from "../src/domain/committee.js";
import type { Language } from "../src/domain/language.js";
import { languageFor } from "../src/domain/reply-language.js";
import type { VisibleCommittee } from "../src/services/committee-directory.js";
import type { CommandContext } from "./context.js";

/** What a reply is about, as far as its language goes. */
export type ReplyAbout =
  /** One committee: its language. */
  | { committee: Committee }
  /** No single committee (lists, help, search, errors): the caller's own committees decide. */
  | { visible: readonly VisibleCommittee[]; errorAbout?: Language | undefined };

/** The reply's language, by the one rule of src/domain/reply-language.ts. */
export function replyLanguage(context: Pick<CommandContext, "language" | "defaultLanguage">, about: ReplyAbout): Language {
  const base = { chosen: context.language, fallback: context.defaultLanguage };
  if ("committee" in about) return languageFor({ ...base, committee: about.committee.mandate.language });
  return languageFor({
    ...base,
    own: about.visible.filter((v) => v.roles.length > 0).map((v) => v.committee.mandate.language),
    about: about.errorAbout,
  });
}
