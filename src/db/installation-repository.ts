import type { InstallationRepository } from "../services/ports.js";
import type { Client } from "./client.js";

/** Installations as opaque sealed text: this module never sees a token in the clear. */
export class PrismaInstallationRepository implements InstallationRepository {
  constructor(private readonly db: Client) {}

  async save(key: string, teamId: string | null, sealed: string, at: Date): Promise<void> {
    await this.db.slackInstallation.upsert({
      where: { key },
      create: { key, teamId, sealed, installedAt: at },
      update: { teamId, sealed, installedAt: at },
    });
  }

  async find(key: string): Promise<string | undefined> {
    const row = await this.db.slackInstallation.findUnique({ where: { key }, select: { sealed: true } });
    return row?.sealed;
  }

  async savedAt(key: string): Promise<Date | undefined> {
    const row = await this.db.slackInstallation.findUnique({ where: { key }, select: { installedAt: true } });
    return row?.installedAt;
  }

  async delete(key: string): Promise<void> {
    await this.db.slackInstallation.deleteMany({ where: { key } });
  }
}
