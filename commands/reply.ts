import type { MandateVersionInfo } from "../src/domain/committee.js";
import type { DeadlineCursor, DeadlineListing } from "../src/domain/deadline.js";
import type { MandatError } from "../src/domain/errors.js";
import type { Language } from "../src/domain/language.js";
import type { MandateSection } from "../src/domain/mandate.js";
import type { SearchResult, VisibleCommittee } from "../src/services/committee-directory.js";
import type { DeadlineView } from "../src/services/deadline-service.js";

/**
 * What a command answers, as data. src/slack/blocks turns a Reply into Block Kit; the CLI
 * prints a plain-text rendering of those same blocks.
 */
export type Reply =
  | {
      kind: "committees";
      language: Language;
      mine: VisibleCommittee[];
      /** A page of the public committees the caller does not sit on, by slug. */
      others: VisibleCommittee[];
      /** How many public committees the caller does not sit on, and where `others` starts among them. */
      othersTotal: number;
      othersOffset: number;
    }
  | {
      kind: "mandate";
      language: Language;
      target: VisibleCommittee;
      section: MandateSection | "summary";
      now: Date;
      /** For the summary: the soonest open or overdue deadline. */
      nextDeadline?: DeadlineView | undefined;
      /** For the history section. */
      versions?: MandateVersionInfo[];
      /** Set when an earlier version is shown: the number of the current one. */
      currentVersion?: number | undefined;
    }
  | {
      kind: "search";
      language: Language;
      query: string;
      results: SearchResult[];
      /** How many committees matched in all; `results` holds the first few. */
      committeesFound: number;
    }
  | {
      kind: "deadlines";
      language: Language;
      listing: DeadlineListing;
      /** Set when one committee was asked for. */
      committee?: VisibleCommittee | undefined;
      /** A page of at most LISTED_MAX deadlines, soonest first. */
      items: DeadlineView[];
      /** How many deadlines the list has from this page on (at least that many when `totalIsAtLeast`). */
      total: number;
      totalIsAtLeast: boolean;
      /** Where the next page starts, when there is one. */
      next?: DeadlineCursor | undefined;
      /** This is a later page (asked for by the list's "more" button). */
      continued: boolean;
      /** The caller sits on no committee, so the public committees' deadlines are shown. */
      publicOnly: boolean;
      /** Set when the moment was given (`--now`), so the reply says which day it describes. */
      asOf?: Date | undefined;
    }
  | { kind: "deadline-changed"; language: Language; change: "added" | "done" | "waived"; view: DeadlineView }
  | { kind: "help"; language: Language; command: "mandat" | "frist" }
  | { kind: "error"; language: Language; error: MandatError };
