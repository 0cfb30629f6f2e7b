import type { Workspace, WorkspaceId } from "../domain/workspace.js";
import type { WorkspaceRepository } from "../services/ports.js";
import type { Client } from "./client.js";

export class PrismaWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly db: Client) {}

  async installed(workspace: { id: WorkspaceId; name: string | null; at: Date }): Promise<void> {
    await this.db.workspace.upsert({
      where: { id: workspace.id },
      create: { id: workspace.id, name: workspace.name, installedAt: workspace.at },
      update: { name: workspace.name, uninstalledAt: null },
    });
  }

  async uninstalled(id: WorkspaceId, at: Date): Promise<void> {
    await this.db.workspace.updateMany({ where: { id, uninstalledAt: null }, data: { uninstalledAt: at } });
  }

  async list(): Promise<Workspace[]> {
    return this.db.workspace.findMany({ orderBy: { id: "asc" } });
  }

  async adoptCommittees(from: WorkspaceId, to: WorkspaceId): Promise<{ moved: string[]; kept: string[] }> {
    const [waiting, present] = await Promise.all([
      this.db.committee.findMany({ where: { workspaceId: from }, select: { id: true, slug: true } }),
      this.db.committee.findMany({ where: { workspaceId: to }, select: { slug: true } }),
    ]);
    const taken = new Set(present.map((c) => c.slug));
    const moving = waiting.filter((c) => !taken.has(c.slug));
    if (moving.length > 0) {
      await this.db.committee.updateMany({ where: { id: { in: moving.map((c) => c.id) } }, data: { workspaceId: to } });
    }
    return { moved: moving.map((c) => c.slug), kept: waiting.filter((c) => taken.has(c.slug)).map((c) => c.slug) };
  }
}
