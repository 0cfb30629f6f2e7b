import { z } from "zod";

/** The languages the bot speaks: Danish, Norwegian Bokmål, Swedish, English. */
export const LANGUAGES = ["da", "nb", "sv", "en"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** BCP 47 locale used for dates and numbers (English replies use day-month order). */
export const LOCALE: Record<Language, string> = { da: "da-DK", nb: "nb-NO", sv: "sv-SE", en: "en-GB" };
