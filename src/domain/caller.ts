import type { WorkspaceId } from "./workspace.js";

/** Who is asking, from which workspace: a Slack user, or (from the CLI) an e-mail address on a roster. */
export interface Caller {
  workspaceId: WorkspaceId;
  slackUserId?: string;
  email?: string;
}

/** How the caller is named in records (who completed a deadline, who added it). */
export function callerLabel(caller: Caller): string {
  return caller.slackUserId ?? caller.email ?? "anonymous";
}
