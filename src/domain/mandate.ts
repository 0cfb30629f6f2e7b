import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { EARLIEST_YEAR, isYearInRange, LATEST_YEAR, WrittenDate } from "./calendar-date.js";
import { sumAmounts } from "./funding.js";
import { Language } from "./language.js";
import { TeamId } from "./workspace.js";

/**
 * The mandate file format (mandates/*.yaml), version 1. One file holds one committee and its
 * current mandate. Field names are snake_case because people write these files by hand; the
 * JSON Schema in mandates/mandate.schema.json is generated from this schema (`npm run schema:json`).
 *
 * Text fields (purpose, tasks, titles …) are in the committee's own language, as in the source
 * document; the bot's own words come from the message catalogs.
 */

/**
 * How long and how many: every reply about a mandate at these limits fits Slack's Block Kit
 * limits in every language (tests/slack/largest-mandate.test.ts), and the largest mandate answers
 * within 300 ms (bench/largest-mandate.ts). docs/mandate-format.md lists them for authors.
 */
export const MANDATE_LIMITS = {
  /** A committee's name, per language: a Slack header holds 150 characters. */
  name: 150,
  shortName: 40,
  slug: 40,
  id: 60,
  /** Titles of duties and deadlines, as for a deadline added by hand (TITLE_MAX_LENGTH). */
  title: 200,
  /** Short texts: a seat's title, an organisation, a person, a group, a recipient, a source field. */
  text: 300,
  /** Long texts: the purpose, a task, a clause, a provision, a history event, a funding text. */
  longText: 2000,
  tasks: 50,
  members: 100,
  groupsPerMember: 5,
  /** A sub-body's name ("Arbeidsutvalget"). */
  group: 100,
  ownerSeats: 5,
  obligations: 20,
  deadlines: 50,
  provisions: 50,
  history: 50,
  reportsTo: 10,
  sourceContext: 10,
  allocations: 20,
  otherAmounts: 20,
  /** Whole currency units: a thousand trillion is more than any mandate grants. */
  amount: 1e15,
} as const;

/** A non-empty text of at most `max` characters. */
function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });
}

/** A list of at most `max` items. */
function list<T extends z.ZodType>(item: T, max: number) {
  return z.array(item).max(max, { error: `may hold at most ${max} items` });
}

const Text = text(MANDATE_LIMITS.text);
const Title = text(MANDATE_LIMITS.title);
const LongText = text(MANDATE_LIMITS.longText);

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    error: "must be lower-case letters, digits and single hyphens, e.g. annual-report",
  })
  .max(MANDATE_LIMITS.id);

/** MM-DD, a day that exists in every year (29 February is refused). */
const MonthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { error: "must be a month and day written MM-DD, e.g. 06-30", abort: true })
  .refine((md) => DateTime.fromISO(`2023-${md}`).isValid, {
    error: "must be a day that exists in every year (MM-DD, not 02-29)",
  });

export const MemberRole = z.enum(["chair", "vice_chair", "member", "secretariat", "observer", "deputy"]);
export type MemberRole = z.infer<typeof MemberRole>;

/** Roles that may add, complete and waive deadlines. */
export const DEADLINE_EDITOR_ROLES: readonly MemberRole[] = ["chair", "secretariat"];

export const Member = z.strictObject({
  /** Stable id of the seat; survives a change of holder. */
  seat: Id,
  role: MemberRole,
  /** What the seat is, as the mandate puts it ("Sundhedsdirektør", "Nasjonal leder"). */
  title: Text,
  organisation: Text.optional(),
  /** Sub-body the seat belongs to (working committee, reference group …). */
  groups: list(text(MANDATE_LIMITS.group), MANDATE_LIMITS.groupsPerMember).optional(),
  /** The person holding the seat; left out while the secretariat has not named them. */
  name: Text.optional(),
  slack_id: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,30}$/, { error: "must be a Slack user id such as U012ABCDEF" })
    .optional(),
  email: z.email({ error: "must be an e-mail address" }).max(254, { error: "must be at most 254 characters" }).optional(),
});
export type Member = z.infer<typeof Member>;

/** Who owes a deadline: named seats, everyone with a role, or a body outside the committee. */
export const Owner = z.union([
  // At most MANDATE_LIMITS.ownerSeats seats: checked with the seat names (Mandate's superRefine), where
  // the problem can be named; inside this union zod could only say "Invalid input".
  z.strictObject({ seats: z.array(Id).min(1) }),
  z.strictObject({ role: MemberRole }),
  z.strictObject({ body: Text }),
]);
export type Owner = z.infer<typeof Owner>;

export const MeetingRule = z
  .strictObject({
    min_per_year: z.int().min(0).max(366).optional(),
    max_per_year: z.int().min(1).max(366).optional(),
    /** The mandate asks for regular meetings without a number. */
    regularly: z.literal(true).optional(),
    /** The clause as written. */
    text: LongText.optional(),
  })
  .refine((r) => r.min_per_year !== undefined || r.max_per_year !== undefined || r.regularly, {
    error: "give min_per_year and/or max_per_year, or regularly: true",
  })
  .refine((r) => r.min_per_year === undefined || r.max_per_year === undefined || r.min_per_year <= r.max_per_year, {
    error: "min_per_year must not be larger than max_per_year",
    path: ["min_per_year"],
  });
export type MeetingRule = z.infer<typeof MeetingRule>;

export const DecisionRuleKind = z.enum(["consensus", "majority", "qualified_majority", "unanimity", "unspecified"]);
export type DecisionRuleKind = z.infer<typeof DecisionRuleKind>;

export const DecisionRule = z.strictObject({
  rule: DecisionRuleKind,
  /** Share of eligible members that must take part, e.g. 0.5 for half. */
  quorum: z.number().gt(0).lte(1).optional(),
  /** Share of votes cast needed for a qualified majority, e.g. 0.67. */
  threshold: z.number().gt(0.5).lte(1).optional(),
  text: LongText.optional(),
});
export type DecisionRule = z.infer<typeof DecisionRule>;

/** A duty that recurs: "report status and budget to X at least 2 times a year". */
export const Obligation = z.strictObject({
  id: Id,
  title: Title,
  owner: Owner,
  /** To whom it is owed (a body outside the committee, as the mandate names it). */
  to: Text.optional(),
  every: z.strictObject({
    at_least: z
      .int({ error: "must be a whole number of times" })
      .min(1, { error: "must be at least 1" })
      .max(52, { error: "must be at most 52 (weekly)" }),
    per: z.literal("year"),
  }),
  /**
   * Explicit due days (MM-DD), one per occurrence. Without them the occurrences are spread
   * evenly over the calendar year.
   */
  due: z.array(MonthDay).optional(),
  /** First and last date the duty applies; defaults to the mandate's validity. */
  from: WrittenDate.optional(),
  until: WrittenDate.optional(),
  clause: LongText.optional(),
});
export type Obligation = z.infer<typeof Obligation>;

/** A one-off deadline written in the mandate. */
export const FixedDeadline = z.strictObject({
  id: Id,
  title: Title,
  due: WrittenDate,
  owner: Owner,
  to: Text.optional(),
  clause: LongText.optional(),
});
export type FixedDeadline = z.infer<typeof FixedDeadline>;

const Amount = z
  .number({ error: "must be a number in whole currency units, e.g. 10000000" })
  .nonnegative({ error: "must not be negative" })
  .max(MANDATE_LIMITS.amount, { error: "must be at most 1 000 000 000 000 000" });

/** Years of funding: the same bounds as dates. */
const Years = z
  .strictObject({
    from: z.int().min(EARLIEST_YEAR).max(LATEST_YEAR),
    to: z.int().min(EARLIEST_YEAR).max(LATEST_YEAR),
  })
  .refine((y) => y.from <= y.to, { error: "from must not be after to" });

export const Allocation = z.strictObject({
  id: Id,
  amount: Amount,
  purpose: LongText,
});
export type Allocation = z.infer<typeof Allocation>;

/** An amount named beside the total: a frame, a ceiling, an earlier grant, a co-funding source. */
export const OtherAmount = z.strictObject({
  id: Id,
  amount: Amount,
  /** "godt 1 mia. kr." is stored as 1000000000 with approximate: true. */
  approximate: z.literal(true).optional(),
  /** Another currency than the funding's. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  years: Years.optional(),
  text: LongText,
});
export type OtherAmount = z.infer<typeof OtherAmount>;

export const Funding = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code such as DKK, NOK or SEK" }),
    total: Amount.optional(),
    years: Years.optional(),
    /** Where the money comes from: a budget line, a fund, the principles of a strategy. */
    source: LongText.optional(),
    managed_by: Text.optional(),
    allocations: list(Allocation, MANDATE_LIMITS.allocations).optional(),
    other_amounts: list(OtherAmount, MANDATE_LIMITS.otherAmounts).optional(),
    text: LongText.optional(),
  })
  .refine((f) => f.total === undefined || sumAmounts((f.allocations ?? []).map((a) => a.amount)) <= f.total, {
    error: "the allocations add up to more than the total",
    path: ["allocations"],
  });
export type Funding = z.infer<typeof Funding>;

export const MandateSection = z.enum(["purpose", "tasks", "members", "meetings", "obligations", "decisions", "funding", "history"]);
export type MandateSection = z.infer<typeof MandateSection>;

/** A rule of the mandate that is none of the structured fields, shown in the section it belongs to. */
export const Provision = z.strictObject({
  id: Id,
  section: MandateSection,
  text: LongText,
});
export type Provision = z.infer<typeof Provision>;

export const HistoryEvent = z.strictObject({
  /** A date, or a year when the source gives no day. */
  date: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, {
      error: "must be a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)",
      abort: true,
    })
    .refine((d) => d.length !== 10 || DateTime.fromISO(d).isValid, { error: "must be a day that exists", abort: true })
    .refine((d) => isYearInRange(Number(d.slice(0, 4))), { error: `must fall in the years ${EARLIEST_YEAR}–${LATEST_YEAR}` }),
  text: LongText,
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

const TimeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  error: "must be an IANA time zone such as Europe/Copenhagen",
});

export const Mandate = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    format: z.literal("mandat/v1", { error: 'must be "mandat/v1"' }),
    /**
     * The Slack workspace (team id) the committee lives in. Needed when one deployment serves
     * several workspaces; a single-workspace bot puts files without it in its own workspace.
     */
    workspace: TeamId.optional(),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lower-case letters, digits and hyphens, e.g. norprem" })
      .max(MANDATE_LIMITS.slug),
    /** The committee's name per language; the committee's own language is required. */
    names: z.partialRecord(Language, text(MANDATE_LIMITS.name)),
    short_name: text(MANDATE_LIMITS.shortName).optional(),
    language: Language,
    time_zone: TimeZone,
    /** ISO 3166-1 alpha-2 code of the holiday calendar. */
    country: z.string().regex(/^[A-Z]{2}$/, { error: "must be a two-letter country code such as DK, NO or SE" }),
    slack_channel: z
      .string()
      .regex(/^(#[a-z0-9._-]{1,80}|C[A-Z0-9]{2,30})$/, {
        error: "must be a channel name such as #styregruppe or a channel id such as C012ABCDEF",
      })
      .optional(),
    visibility: z.enum(["public", "members"]),
    reports_to: list(Text, MANDATE_LIMITS.reportsTo).optional(),
    valid: z
      .strictObject({ from: WrittenDate, until: WrittenDate.optional() })
      .refine((v) => v.until === undefined || v.from <= v.until, { error: "from must not be after until" }),
    source: z.strictObject({
      title: Text,
      document: Text,
      context: list(Text, MANDATE_LIMITS.sourceContext).optional(),
      issued_by: Text.optional(),
      approved_by: Text.optional(),
      approved_on: WrittenDate.optional(),
      reference: Text.optional(),
    }),
    purpose: LongText,
    tasks: list(z.strictObject({ id: Id, text: LongText }), MANDATE_LIMITS.tasks).min(1),
    members: list(Member, MANDATE_LIMITS.members).min(1),
    meetings: MeetingRule.optional(),
    decisions: DecisionRule,
    obligations: list(Obligation, MANDATE_LIMITS.obligations).optional(),
    deadlines: list(FixedDeadline, MANDATE_LIMITS.deadlines).optional(),
    funding: Funding.optional(),
    provisions: list(Provision, MANDATE_LIMITS.provisions).optional(),
    history: list(HistoryEvent, MANDATE_LIMITS.history).optional(),
  })
  .superRefine((m, ctx) => {
    if (!m.names[m.language]) {
      ctx.addIssue({
        code: "custom",
        path: ["names", m.language],
        message: `the name in the committee's language (${m.language}) is missing`,
      });
    }
    const unique = (items: { id: string }[] | undefined, path: string) => {
      const seen = new Set<string>();
      (items ?? []).forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `id "${item.id}" is used twice` });
        seen.add(item.id);
      });
    };
    unique(m.tasks, "tasks");
    unique(m.obligations, "obligations");
    unique(m.deadlines, "deadlines");
    unique(m.provisions, "provisions");
    const seats = new Set<string>();
    m.members.forEach((member, i) => {
      if (seats.has(member.seat))
        ctx.addIssue({ code: "custom", path: ["members", i, "seat"], message: `seat "${member.seat}" is used twice` });
      seats.add(member.seat);
    });
    const checkOwner = (owner: Owner, path: (string | number)[]) => {
      if (!("seats" in owner)) return;
      if (owner.seats.length > MANDATE_LIMITS.ownerSeats) {
        ctx.addIssue({ code: "custom", path: [...path, "owner", "seats"], message: `may hold at most ${MANDATE_LIMITS.ownerSeats} items` });
      }
      owner.seats.forEach((seat, i) => {
        if (!seats.has(seat))
          ctx.addIssue({ code: "custom", path: [...path, "owner", "seats", i], message: `no member has seat "${seat}"` });
      });
    };
    (m.obligations ?? []).forEach((o, i) => {
      checkOwner(o.owner, ["obligations", i]);
      if (o.due && o.due.length !== o.every.at_least) {
        ctx.addIssue({
          code: "custom",
          path: ["obligations", i, "due"],
          message: `lists ${o.due.length} due days but every.at_least is ${o.every.at_least}; give one day per occurrence`,
        });
      }
      if (o.from && o.until && o.from > o.until) {
        ctx.addIssue({ code: "custom", path: ["obligations", i, "until"], message: "must not be before from" });
      }
    });
    (m.deadlines ?? []).forEach((d, i) => {
      checkOwner(d.owner, ["deadlines", i]);
    });
  });
export type Mandate = z.infer<typeof Mandate>;

/** The committee's name in `language`, falling back to its own language. */
export function committeeName(mandate: Pick<Mandate, "names" | "language">, language: Language): string {
  return mandate.names[language] ?? mandate.names[mandate.language] ?? "";
}

/** Seats that count as members in the strict sense (the roster minus secretariat and observers). */
export function votingSeats(mandate: Pick<Mandate, "members">): Member[] {
  return mandate.members.filter((m) => m.role !== "secretariat" && m.role !== "observer");
}
