import type { ErrorParams, MandatError } from "../domain/errors.js";
import type { Language } from "../domain/language.js";
import { messages } from "../i18n/index.js";
import { escapeMrkdwn } from "./blocks/mrkdwn.js";

/**
 * The one place that turns an error into words. Parameters are often what the user typed,
 * so every string is escaped before it reaches mrkdwn.
 */
export function errorText(error: MandatError, language: Language): string {
  const params: ErrorParams = Object.fromEntries(
    Object.entries(error.params).map(([key, value]) => [
      key,
      typeof value === "string" ? escapeMrkdwn(value) : Array.isArray(value) ? value.map(escapeMrkdwn) : value,
    ]),
  );
  return messages(language).errors[error.code](params);
}
