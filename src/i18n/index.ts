import type { Language } from "../domain/language.js";
import { da } from "./da.js";
import { en, type Messages } from "./en.js";
import { nb } from "./nb.js";
import { sv } from "./sv.js";

export type { Messages };

export const CATALOGS: Readonly<Record<Language, Messages>> = { da, nb, sv, en };

export function messages(language: Language): Messages {
  return CATALOGS[language];
}
