import { MandatError } from "../src/domain/errors.js";
import type { CommandContext, CommandServices } from "./context.js";
import { replyLanguage } from "./language.js";
import type { Reply } from "./reply.js";

/**
 * A slash command as plain data and functions. It imports neither Bolt nor Prisma:
 * src/slack registers it, the CLI runs it, tests call it directly.
 */
export interface SlashCommand<Input> {
  /** As declared in manifest.yml. */
  name: `/${string}`;
  description: string;
  usageHint: string;
  /** Reads the text after the command; throws MandatError for text it cannot read. */
  parse(text: string): Input;
  run(input: Input, context: CommandContext, services: CommandServices): Promise<Reply>;
}

/** A command ready to run from its raw text: what the Slack layer and the CLI hold. */
export interface RunnableCommand {
  name: `/${string}`;
  description: string;
  usageHint: string;
  /**
   * Parses and runs. A MandatError (bad input, no permission …) becomes an error reply in the
   * caller's language and changes nothing; any other error is a fault and is thrown.
   */
  execute(text: string, context: CommandContext, services: CommandServices): Promise<Reply>;
}

/**
 * Runs `work`; a MandatError becomes an error reply, anything else is thrown. People are told
 * what went wrong in their language (src/domain/reply-language.ts): the one asked for, else
 * that of their own committees, else that of the committee the error is about, else the default.
 */
export async function runSafely(work: () => Promise<Reply>, context: CommandContext, services: CommandServices): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof MandatError)) throw error;
    const visible = context.language ? [] : await services.directory.mine(context.caller);
    return { kind: "error", error, language: replyLanguage(context, { visible, errorAbout: error.language }) };
  }
}

export function runnable<Input>(command: SlashCommand<Input>): RunnableCommand {
  return {
    name: command.name,
    description: command.description,
    usageHint: command.usageHint,
    execute: (text, context, services) => runSafely(() => command.run(command.parse(text), context, services), context, services),
  };
}
