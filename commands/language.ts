import type { Language } from "../src/domain/language.js";
import type { VisibleCommittee } from "../src/services/committee-directory.js";
import type { CommandContext } from "./context.js";

/** An explicit choice, else the committee's own language. */
export function committeeLanguage(context: CommandContext, target: VisibleCommittee): Language {
  return context.language ?? target.committee.mandate.language;
}

/** The language of the caller's own committees, when they sit on committees of one language. */
export function ownLanguage(visible: VisibleCommittee[]): Language | undefined {
  const languages = new Set(visible.filter((v) => v.roles.length > 0).map((v) => v.committee.mandate.language));
  const [only] = languages;
  return languages.size === 1 ? only : undefined;
}

/**
 * For replies about no single committee: an explicit choice, else the language the caller's
 * committees share, else the default.
 */
export function callerLanguage(context: CommandContext, visible: VisibleCommittee[]): Language {
  return context.language ?? ownLanguage(visible) ?? context.defaultLanguage;
}
