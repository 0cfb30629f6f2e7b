import type { ErrorCode, ErrorParamsByCode } from "../domain/errors.js";
import { codeList, formatDate, numberRanges } from "./format.js";

/** One message per error code, typed by that code's parameters. */
export type ErrorMessages = { [C in ErrorCode]: (params: ErrorParamsByCode[C]) => string };

/**
 * English. This catalog defines the keys: da, nb and sv are typed against it, and
 * tests/i18n/catalogs.test.ts fails when one of them misses or adds a key.
 * Values are plain strings or functions of their parameters; strings are mrkdwn and must not
 * contain user text (callers escape that and pass it in).
 */
export const en = {
  languageName: "English",

  /** Words people type; every language's words are understood whatever the reply language. */
  keywords: {
    help: ["help"],
    search: ["search", "find"],
    all: ["all"],
    new: ["new", "add"],
    done: ["done", "complete"],
    waive: ["waive"],
    sections: {
      purpose: ["purpose", "summary"],
      tasks: ["tasks"],
      members: ["members", "roster", "composition"],
      meetings: ["meetings"],
      obligations: ["obligations", "reporting", "deadlines"],
      decisions: ["decisions", "decision"],
      funding: ["funding", "budget", "money"],
      history: ["history", "versions"],
    },
  },

  sections: {
    purpose: "Purpose",
    tasks: "Tasks",
    members: "Members",
    meetings: "Meetings",
    obligations: "Reporting and deadlines",
    decisions: "Decisions",
    funding: "Funding",
    history: "History",
  },
  summaryButton: "Summary",

  roles: {
    chair: "Chair",
    vice_chair: "Vice chair",
    member: "Member",
    secretariat: "Secretariat",
    observer: "Observer",
    deputy: "Deputy",
  },

  decisionRules: {
    consensus: "By consensus",
    majority: "By simple majority",
    qualified_majority: "By qualified majority",
    unanimity: "Unanimously",
    unspecified: "The mandate sets no decision rule",
  },

  // /mandat
  committeeList: {
    title: "Committees",
    yours: "Your committees",
    others: "Public committees",
    noneOfYours: "You are not on the roster of any committee. These committees are public:",
    none: "There are no committees you can see yet.",
    yourRoles: (roles: string) => `You: ${roles}`,
    open: "Open",
    showMore: "Show more committees",
    more: (n: number) => `… and ${n} more. Type \`/mandat <name>\` to open one.`,
  },
  summary: {
    members: (voting: number, others: number) =>
      others > 0 ? `${voting} members, ${others} in the secretariat or observing` : `${voting} members`,
    nextDeadline: "Next deadline",
    noUpcomingDeadline: "Nothing due in the next 90 days",
    valid: "In force",
    validFrom: (from: string) => `from ${from}`,
    validFromTo: (from: string, until: string) => `${from} – ${until}`,
    source: "Source",
    approved: (by: string, on: string) => `approved by ${by}, ${on}`,
    approvedOn: (on: string) => `approved ${on}`,
    approvedBy: (by: string) => `approved by ${by}`,
    issuedBy: (by: string) => `issued by ${by}`,
    reportsTo: "Reports to",
    version: (n: number, date: string) => `Version ${n}, imported ${date}`,
    expired: "This mandate has expired.",
    partCut: "… the rest of this part is too long for one message: the source document has it in full.",
    olderVersion: (n: number, current: number) => `Earlier version ${n}; the current one is version ${current}.`,
  },
  meetings: {
    exactly: (n: number) => (n === 1 ? "Once a year" : `${n} times a year`),
    between: (min: number, max: number) => `${min}–${max} times a year`,
    atLeast: (min: number) => (min === 1 ? "At least once a year" : `At least ${min} times a year`),
    atMost: (max: number) => (max === 1 ? "At most once a year" : `At most ${max} times a year`),
    regularly: "Regularly",
    none: "The mandate sets no meeting frequency",
  },
  decisions: {
    quorum: (percent: number) => `Quorum: ${percent}% of the members`,
    quorumHeadcount: (percent: number, needed: number, of: number) => `Quorum: ${percent}% of the members (at least ${needed} of ${of})`,
    threshold: (percent: number) => `Majority needed: ${percent}% of the votes cast`,
  },
  obligationsSection: {
    recurring: "Recurring duties",
    fixed: "Deadlines in the mandate",
    none: "The mandate sets no reporting duties or deadlines.",
    timesAYear: (n: number) => (n === 1 ? "at least once a year" : `at least ${n} times a year`),
    dueOn: (days: string) => `due ${days}`,
    spread: "spread over the year",
    owner: (owner: string) => `Owner: ${owner}`,
    to: (to: string) => `To: ${to}`,
  },
  membersSection: {
    unnamed: "_name not yet entered_",
    groups: (groups: string) => `(${groups})`,
  },
  fundingSection: {
    none: "The mandate says nothing about funding.",
    total: "Total",
    years: "Years",
    source: "Source",
    managedBy: "Managed by",
    allocations: "Allocations",
    allocated: "Allocated",
    ofTotal: (allocated: string, total: string) => `${allocated} of ${total}`,
    unallocated: "Unallocated",
    otherAmounts: "Other amounts",
    approximately: (amount: string) => `about ${amount}`,
  },
  historySection: {
    versions: "Versions in Mandat",
    versionLine: (n: number, date: string, file: string) => `Version ${n}, imported ${date} from \`${file}\``,
    events: "Background",
    document: "Source document",
  },
  tasksSection: {
    none: "The mandate lists no tasks.",
  },

  // search
  search: {
    title: (words: string) => `Search: ${words}`,
    none: (words: string) => `Nothing in the mandates you can see matches “${words}”.`,
    more: (n: number) => `… and ${n} more passages`,
    moreCommittees: (n: number) => `${n} more ${n === 1 ? "committee matches" : "committees match"}. Add a word to narrow the search.`,
  },

  // /frist
  deadlineList: {
    titleUpcoming: "Deadlines: next 90 days and overdue",
    titleAll: "All deadlines",
    titleUpcomingFor: (committee: string) => `Deadlines for ${committee}`,
    titleAllFor: (committee: string) => `All deadlines for ${committee}`,
    none: "Nothing is due in the next 90 days and nothing is overdue.",
    noneAll: "There are no deadlines.",
    publicOnly: "You are not on the roster of any committee; these are the public committees' deadlines.",
    asOf: (date: string) => `As of ${date}`,
    more: (n: number, atLeast: boolean) =>
      `… and ${atLeast ? "at least " : ""}${n} more. Type \`/frist <committee>\` to see one committee.`,
    showMore: "Show more",
    owner: (owner: string) => `Owner: ${owner}`,
    to: (to: string) => `To: ${to}`,
    sourceMandate: "From the mandate",
    sourceObligation: "Recurring duty in the mandate",
    sourceManual: (who: string) => `Added by ${who}`,
  },
  deadlineState: {
    dueToday: "due today",
    dueTomorrow: "due tomorrow",
    dueIn: (days: number) => `in ${days} days`,
    overdue: (days: number) => (days === 1 ? "1 day overdue" : `${days} days overdue`),
    missed: "missed",
    done: (date: string) => `done ${date}`,
    waived: (reason: string) => `waived: ${reason}`,
  },
  deadlineAdded: (id: number, title: string, date: string, committee: string) =>
    `Added deadline #${id} “${title}” on ${date} for ${committee}.`,
  deadlineDone: (id: number, title: string) => `Deadline #${id} “${title}” is marked done.`,
  deadlineWaived: (id: number, title: string) => `Deadline #${id} “${title}” is waived.`,

  help: {
    mandat: {
      title: "/mandat: a committee's mandate",
      lines: [
        "`/mandat`: your committees, and the public ones",
        "`/mandat <committee>`: the mandate in short, with buttons for each part",
        "`/mandat <committee> <part>`: one part: purpose, tasks, members, meetings, reporting, decisions, funding, history",
        "`/mandat <committee> v1`: an earlier version of the mandate (the history part lists them)",
        "`/mandat search <words>`: search the mandates you can see",
        "`/mandat help`: this help",
      ],
      committeeHint: "A committee can be named by its short name or any part of its name.",
    },
    frist: {
      title: "/frist: deadlines",
      lines: [
        "`/frist`: your committees' deadlines for the next 90 days, and overdue ones",
        "`/frist <committee>`: one committee",
        "`/frist all` or `/frist <committee> all`: also done, waived and missed ones",
        "`/frist <committee> new <date> <title>`: add a deadline (chair and secretariat)",
        "`/frist done <no.>`: mark a deadline done (chair and secretariat)",
        "`/frist waive <no.> <reason>`: waive a deadline (chair and secretariat)",
        "`/frist help`: this help",
      ],
      dates: "Dates: 2025-03-31, 31.3.2025, 31/3 2025 or 31 March 2025. Without a year: the next such day.",
    },
  },

  errors: {
    unknown_committee: (p) => `No committee you can see is called “${p.query}”. Type \`/mandat\` to list your committees.`,
    ambiguous_committee: (p) => `“${p.query}” fits several committees: ${codeList(p.candidates)}. Type one of those names.`,
    unknown_section: (p) =>
      `There is no part called “${p.word}”. Try purpose, tasks, members, meetings, reporting, decisions, funding or history.`,
    unknown_version: (p) =>
      `${p.committee} has no version ${p.version}; ${p.versions.length === 1 ? `its only version is ${p.versions[0]}` : `its versions are ${numberRanges(p.versions)}`}.`,
    search_needs_words: () => "Type what to search for, e.g. `/mandat search budget`.",
    not_a_date: (p) => `“${p.input}” is not a date. Type e.g. 2025-03-31, 31.3.2025 or 31 March 2025.`,
    no_such_day: (p) => `“${p.input}” is not a day in the calendar. Check the day and month.`,
    date_out_of_range: (p) => `“${p.input}” is too far off: a date must fall in the years ${p.from}–${p.to}.`,
    date_in_past: (p) => `${formatDate(p.date, "en")} has passed. A new deadline must be today or later.`,
    title_missing: () => "Give the deadline a title after the date, e.g. `/frist gms-2024 new 31.3.2026 Annual report`.",
    title_too_long: (p) => `The title is too long: at most ${p.max} characters.`,
    deadline_id_missing: () => "Type the deadline's number, e.g. `/frist done 12`. `/frist` shows the numbers.",
    unknown_deadline: (p) => `There is no deadline #${p.id} that you can see. \`/frist all\` shows the numbers.`,
    not_allowed_to_edit_deadlines: (p) => `Only the chair and the secretariat of ${p.committee} can add, complete or waive its deadlines.`,
    deadline_already_resolved: (p) => `Deadline #${p.id} is already ${p.status === "done" ? "done" : "waived"}.`,
    deadline_already_exists: (p) =>
      `Deadline #${p.id} “${p.title}”, due ${formatDate(p.date, "en")}, already exists: nothing was added. \`/frist\` lists it.`,
    waive_reason_missing: (p) => `Say why the deadline is waived, e.g. \`/frist waive ${p.id} postponed by the ministry\`.`,
    waive_reason_too_long: (p) => `The reason is too long: at most ${p.max} characters.`,
    stale_button: () => "This button no longer works. Type `/mandat` again.",
    command_too_long: (p) => `That is too long: at most ${p.max} characters after the command, and this was ${p.length}. Nothing was done.`,
    internal: () => "Something went wrong on our side. Nothing was changed. Try again, or tell your administrator.",
  } satisfies ErrorMessages,
};

export type Messages = typeof en;
