import type { ChannelRepository } from "../services/ports.js";
import type { Client } from "./client.js";

export class PrismaChannelRepository implements ChannelRepository {
  constructor(private readonly db: Client) {}

  async setChannelId(committeeId: number, channelId: string | null): Promise<void> {
    await this.db.committee.update({ where: { id: committeeId }, data: { slackChannelId: channelId } });
  }
}
