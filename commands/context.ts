import type { Caller } from "../src/domain/caller.js";
import type { Language } from "../src/domain/language.js";
import type { CommitteeDirectory } from "../src/services/committee-directory.js";
import type { DeadlineService } from "../src/services/deadline-service.js";

/** Who asks, when, and in which language, for one command. */
export interface CommandContext {
  caller: Caller;
  now: Date;
  /** A language asked for explicitly (CLI --lang); otherwise the committee's language decides. */
  language?: Language | undefined;
  /** The language when neither an explicit choice nor a committee decides. */
  defaultLanguage: Language;
  /** The moment was given rather than read from the clock: replies say which day they describe. */
  asOfGiven?: boolean;
}

/** The services a command uses; the composition root passes them in. */
export interface CommandServices {
  directory: CommitteeDirectory;
  deadlines: DeadlineService;
}
