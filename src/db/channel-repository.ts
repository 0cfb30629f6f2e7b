import type { WorkspaceId } from "../domain/workspace.js";
import type { ChannelRepository, NamedChannel } from "../services/ports.js";
import type { Client } from "./client.js";

export class PrismaChannelRepository implements ChannelRepository {
  constructor(private readonly db: Client) {}

  async namedIn(workspaceId: WorkspaceId): Promise<NamedChannel[]> {
    const rows = await this.db.committee.findMany({
      where: { workspaceId, slackChannel: { not: null } },
      orderBy: { slug: "asc" },
      select: {
        id: true,
        slug: true,
        slackChannel: true,
        slackChannelId: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { sourceFile: true } },
      },
    });
    return rows.map((row) => ({
      committeeId: row.id,
      slug: row.slug,
      named: row.slackChannel ?? "",
      channelId: row.slackChannelId,
      sourceFile: row.versions[0]?.sourceFile ?? "",
    }));
  }

  async setChannelId(committeeId: number, channelId: string | null): Promise<void> {
    await this.db.committee.update({ where: { id: committeeId }, data: { slackChannelId: channelId } });
  }
}
