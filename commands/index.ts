import { type RunnableCommand, runnable } from "./command.js";
import { frist } from "./frist.js";
import { mandat } from "./mandat.js";

/** Every slash command the app registers; tests/slack/manifest.test.ts checks manifest.yml against it. */
export const COMMANDS: readonly RunnableCommand[] = [runnable(mandat), runnable(frist)];

export function commandNamed(name: string): RunnableCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
