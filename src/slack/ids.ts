import { z } from "zod";
import { CalendarDate } from "../domain/calendar-date.js";
import { Language } from "../domain/language.js";
import { MandateSection } from "../domain/mandate.js";

/**
 * Action ids and button values. Values travel through Slack and come back in a click, so they
 * are parsed with zod like any other input. Buttons that share an actions block need distinct
 * action ids, hence the `:<section>` suffix on one prefix.
 */
export const ACTION_PREFIX = {
  mandateSection: "mandat_section",
  openCommittee: "mandat_open",
  moreDeadlines: "frist_more",
  moreCommittees: "mandat_more",
} as const;

/** Matches every action id registered by src/slack/actions.ts. */
export const ACTION_PATTERN = {
  mandateSection: new RegExp(`^${ACTION_PREFIX.mandateSection}(:|$)`),
  openCommittee: new RegExp(`^${ACTION_PREFIX.openCommittee}(:|$)`),
  moreDeadlines: new RegExp(`^${ACTION_PREFIX.moreDeadlines}$`),
  moreCommittees: new RegExp(`^${ACTION_PREFIX.moreCommittees}$`),
} as const;

/**
 * Bounds on what a click may carry. A value comes back exactly as the bot sent it unless someone
 * forged it, so anything outside them is refused as a stale button before it reaches a query:
 * Slack caps a button's value at 2000 characters, and a mandate version is a number a person
 * types as `v<n>` with at most four digits (commands/mandat.ts); a larger one would not even
 * fit the database's integer column.
 */
export const MAX_BUTTON_VALUE_LENGTH = 2000;
export const MAX_MANDATE_VERSION = 9999;
/** Row numbers and offsets fit PostgreSQL's integer column. */
export const MAX_DATABASE_INT = 2_147_483_647;

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(40);

export const SectionButtonValue = z.strictObject({
  committee: Slug,
  section: z.union([MandateSection, z.literal("summary")]),
  language: Language,
  /** Set on the buttons of an earlier mandate version, so they stay in that version. */
  version: z.int().min(1).max(MAX_MANDATE_VERSION).optional(),
});
export type SectionButtonValue = z.infer<typeof SectionButtonValue>;

export const OpenButtonValue = z.strictObject({ committee: Slug, language: Language });
export type OpenButtonValue = z.infer<typeof OpenButtonValue>;

/** The next page of a deadline list: the list as asked for, and the last deadline shown. */
export const MoreDeadlinesValue = z.strictObject({
  listing: z.enum(["upcoming", "all"]),
  committee: Slug.optional(),
  after: z.strictObject({ dueDate: CalendarDate, id: z.int().min(1).max(MAX_DATABASE_INT) }),
  language: Language,
});
export type MoreDeadlinesValue = z.infer<typeof MoreDeadlinesValue>;

/** The next page of the public committees of `/mandat`. */
export const MoreCommitteesValue = z.strictObject({ offset: z.int().min(1).max(MAX_DATABASE_INT), language: Language });
export type MoreCommitteesValue = z.infer<typeof MoreCommitteesValue>;

export function sectionActionId(section: SectionButtonValue["section"]): string {
  return `${ACTION_PREFIX.mandateSection}:${section}`;
}

export function openActionId(slug: string): string {
  return `${ACTION_PREFIX.openCommittee}:${slug}`;
}

/** A button value as sent; `parseButtonValue` is its inverse. */
export function buttonValue(value: SectionButtonValue | OpenButtonValue | MoreDeadlinesValue | MoreCommitteesValue): string {
  return JSON.stringify(value);
}

export function parseButtonValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined || raw.length > MAX_BUTTON_VALUE_LENGTH) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
