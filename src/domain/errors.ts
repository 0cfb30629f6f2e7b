/**
 * Everything a user can get wrong has a stable code; src/i18n turns code + params into words in
 * the user's language (`errorText`). Params are plain values and are escaped where shown.
 */
import type { Language } from "./language.js";

export const ERROR_CODES = [
  "unknown_committee",
  "ambiguous_committee",
  "unknown_section",
  "unknown_version",
  "search_needs_words",
  "not_a_date",
  "no_such_day",
  "date_in_past",
  "title_missing",
  "title_too_long",
  "deadline_id_missing",
  "unknown_deadline",
  "not_allowed_to_edit_deadlines",
  "deadline_already_resolved",
  "waive_reason_missing",
  "stale_button",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | string[]>;

export class MandatError extends Error {
  /** The language of the committee the error is about, when there is one. */
  readonly language: Language | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options: { language?: Language } = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "MandatError";
    this.language = options.language;
  }
}
