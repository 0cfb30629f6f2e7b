import { LOCAL_WORKSPACE, type WorkspaceId } from "../domain/workspace.js";
import type { Logger } from "../logging/logger.js";
import type { Store } from "./ports.js";

/** The workspace to use where a request does not say (the CLI). */
export type DefaultWorkspace = { kind: "one"; id: WorkspaceId } | { kind: "several"; ids: WorkspaceId[] };

/** Which Slack workspaces the bot serves: learnt from its token, installed, uninstalled. */
export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /**
   * A single-workspace bot has learnt its workspace from its token. Records it, and adopts the
   * committees imported while no workspace was known (by the CLI, or a start without Slack).
   */
  async connected(workspace: { id: WorkspaceId; name: string | null }, now: Date): Promise<{ adopted: string[] }> {
    await this.store.workspaces.installed({ ...workspace, at: now });
    const { moved, kept } = await this.store.workspaces.adoptCommittees(LOCAL_WORKSPACE, workspace.id);
    if (moved.length > 0)
      this.logger.info(
        { workspace: workspace.id, committees: moved },
        "committees imported before Slack was connected now belong to this workspace",
      );
    if (kept.length > 0) {
      this.logger.warn(
        { workspace: workspace.id, committees: kept },
        "committees imported before Slack was connected were left out: this workspace already has committees with those slugs",
      );
    }
    return { adopted: moved };
  }

  /** Installed through OAuth (or installed again). */
  async installed(workspace: { id: WorkspaceId; name: string | null }, now: Date): Promise<void> {
    await this.store.workspaces.installed({ ...workspace, at: now });
    this.logger.info({ workspace: workspace.id }, "installed in a workspace");
  }

  /** Uninstalled, or its tokens revoked: its committees stay, nobody can reach them until it is installed again. */
  async uninstalled(workspaceId: WorkspaceId, now: Date): Promise<void> {
    await this.store.workspaces.uninstalled(workspaceId, now);
    this.logger.info({ workspace: workspaceId }, "uninstalled from a workspace");
  }

  /** The workspaces the bot is installed in now. */
  async served(): Promise<WorkspaceId[]> {
    return (await this.store.workspaces.list()).filter((w) => w.uninstalledAt === null).map((w) => w.id);
  }

  /** The workspace served when none is named: the only one known, else "local" when none is. */
  async defaultWorkspace(): Promise<DefaultWorkspace> {
    const known = await this.served();
    const [only] = known;
    if (known.length === 0) return { kind: "one", id: LOCAL_WORKSPACE };
    if (known.length === 1 && only) return { kind: "one", id: only };
    return { kind: "several", ids: known };
  }
}
