import { z } from "zod";

/**
 * A Slack workspace (team) id. Every committee belongs to one; nothing of one workspace is
 * visible from another.
 */
export const TeamId = z.string().regex(/^T[A-Z0-9]{2,}$/, { error: "must be a Slack workspace (team) id such as T012ABCDEF" });
export type WorkspaceId = string;

/**
 * Where committees live while no Slack workspace is known: imported by the CLI, or by a bot
 * started without Slack credentials. A single-workspace bot adopts them when it first learns
 * its workspace (src/services/workspace-service.ts).
 */
export const LOCAL_WORKSPACE: WorkspaceId = "local";

/** A workspace the bot knows: learnt from its token (`auth.test`) or installed through OAuth. */
export interface Workspace {
  id: WorkspaceId;
  name: string | null;
  installedAt: Date;
  /** Set when the app was uninstalled or its tokens revoked; its committees stay, unreachable. */
  uninstalledAt: Date | null;
}
