import type { ErrorCode, ErrorParamsByCode, MandatError } from "../domain/errors.js";
import type { Language } from "../domain/language.js";
import type { ErrorMessages } from "../i18n/en.js";
import { messages } from "../i18n/index.js";
import { escapeMrkdwn } from "./blocks/mrkdwn.js";

/** Every string parameter escaped for mrkdwn (parameters are often what the user typed). */
function escapedParams<C extends ErrorCode>(params: ErrorParamsByCode[C]): ErrorParamsByCode[C] {
  const escaped = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === "string"
        ? escapeMrkdwn(value)
        : Array.isArray(value)
          ? value.map((v: unknown) => (typeof v === "string" ? escapeMrkdwn(v) : v))
          : value,
    ]),
  );
  // Same keys, same kinds of value: only the text inside strings changed.
  return escaped as ErrorParamsByCode[C];
}

/** The one place that turns an error into words, in `language`. */
export function errorText<C extends ErrorCode>(error: MandatError<C>, language: Language): string {
  const catalog: ErrorMessages = messages(language).errors;
  return catalog[error.code](escapedParams<C>(error.params));
}
