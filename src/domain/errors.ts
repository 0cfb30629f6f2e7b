/**
 * Everything a user can get wrong has a stable code and typed parameters; src/i18n turns code +
 * parameters into words in the user's language (src/slack/error-text.ts). Parameters are plain
 * values and are escaped where shown.
 */
import type { CalendarDate } from "./calendar-date.js";
import type { Language } from "./language.js";

type None = Record<string, never>;

/** The parameters each error code carries: the catalogs' messages are typed against this. */
export interface ErrorParamsByCode {
  unknown_committee: { query: string };
  ambiguous_committee: { query: string; candidates: string[] };
  unknown_section: { word: string };
  /** `versions`: the version numbers the caller may see. */
  unknown_version: { committee: string; version: number; versions: number[] };
  search_needs_words: None;
  not_a_date: { input: string };
  no_such_day: { input: string };
  /** A date outside the years dates may fall in (EARLIEST_YEAR–LATEST_YEAR). */
  date_out_of_range: { input: string; from: number; to: number };
  date_in_past: { date: CalendarDate };
  title_missing: None;
  title_too_long: { max: number };
  deadline_id_missing: None;
  unknown_deadline: { id: number };
  not_allowed_to_edit_deadlines: { committee: string };
  deadline_already_resolved: { id: number; status: "done" | "waived" };
  /** An open deadline with the same day and title (compared as `deadlineTitleKey` does) already exists. */
  deadline_already_exists: { id: number; title: string; date: CalendarDate };
  waive_reason_missing: { id: number };
  waive_reason_too_long: { max: number };
  stale_button: None;
  /** The text after a slash command is longer than Slack lets anyone type (`max` characters). */
  command_too_long: { max: number; length: number };
  internal: None;
}

export type ErrorCode = keyof ErrorParamsByCode;

export const ERROR_CODES = [
  "unknown_committee",
  "ambiguous_committee",
  "unknown_section",
  "unknown_version",
  "search_needs_words",
  "not_a_date",
  "no_such_day",
  "date_out_of_range",
  "date_in_past",
  "title_missing",
  "title_too_long",
  "deadline_id_missing",
  "unknown_deadline",
  "not_allowed_to_edit_deadlines",
  "deadline_already_resolved",
  "deadline_already_exists",
  "waive_reason_missing",
  "waive_reason_too_long",
  "stale_button",
  "command_too_long",
  "internal",
] as const satisfies readonly ErrorCode[];

/** Codes without parameters may leave them out. */
type ErrorArgs<C extends ErrorCode> = ErrorParamsByCode[C] extends None
  ? [params?: None, options?: ErrorOptions]
  : [params: ErrorParamsByCode[C], options?: ErrorOptions];

interface ErrorOptions {
  /** The language of the committee the error is about, when there is one. */
  language?: Language;
}

export class MandatError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params: ErrorParamsByCode[C];
  readonly language: Language | undefined;

  constructor(
    readonly code: C,
    ...[params, options]: ErrorArgs<C>
  ) {
    super(`${code} ${JSON.stringify(params ?? {})}`);
    this.name = "MandatError";
    this.params = (params ?? {}) as ErrorParamsByCode[C];
    this.language = options?.language;
  }
}
