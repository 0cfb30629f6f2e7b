import type { Language } from "./language.js";

/** Who a reply is for and what it is about: everything the choice of its language depends on. */
export interface Audience {
  /** Asked for explicitly: the CLI's --lang, or a button that carries its message's language. */
  chosen?: Language | undefined;
  /** The reply is about this one committee, in this language. */
  committee?: Language | undefined;
  /** The languages of the committees the caller sits on (one entry per committee). */
  own?: readonly Language[];
  /** An error about a committee the caller does not sit on: that committee's language. */
  about?: Language | undefined;
  /** When nothing else decides (DEFAULT_LANGUAGE). */
  fallback: Language;
}

/**
 * The one rule for the language of a reply: an explicit choice; else the language of the
 * committee the reply is about; else the language the caller's own committees share; else,
 * for an error about a committee, that committee's language; else the deployment's default.
 */
export function languageFor(audience: Audience): Language {
  if (audience.chosen) return audience.chosen;
  if (audience.committee) return audience.committee;
  const own = new Set(audience.own ?? []);
  const [only] = own;
  if (own.size === 1 && only) return only;
  return audience.about ?? audience.fallback;
}
