import { channelName, isChannelId } from "../domain/channel.js";
import type { WorkspaceId } from "../domain/workspace.js";
import type { Logger } from "../logging/logger.js";
import type { ChannelRepository, Notifier } from "./ports.js";

/** A committee whose mandate names a channel Slack does not show the bot. */
export interface MissingChannel {
  workspaceId: WorkspaceId;
  slug: string;
  channel: string;
  file: string;
}

/**
 * Mandate files name channels as people know them (`#styregruppe`); Slack posts by id. Resolves
 * every committee's channel of a workspace to an id, stores it, and reports the channels that
 * cannot be found (misspelt, archived, private without the bot in it). Run when the bot
 * connects, and again when a channel of the workspace is renamed.
 */
export class ChannelResolver {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly notifier: Pick<Notifier, "channels">,
    private readonly logger: Logger,
  ) {}

  async resolveWorkspace(workspaceId: WorkspaceId): Promise<{ resolved: number; missing: MissingChannel[] }> {
    // From the columns that mirror each committee's latest mandate: a workspace of a thousand
    // committees is looked up without reading (and validating) a thousand mandates.
    const committees = await this.channels.namedIn(workspaceId);
    if (committees.length === 0) return { resolved: 0, missing: [] };
    const available = await this.notifier.channels(workspaceId);
    const byName = new Map(available.map((c) => [c.name, c.id]));
    const ids = new Set(available.map((c) => c.id));
    const missing: MissingChannel[] = [];
    let resolved = 0;
    for (const committee of committees) {
      const { named, sourceFile: file } = committee;
      // An id the file gives stays the committee's channel even when the bot cannot see it yet
      // (a private channel it has not been invited to); it is reported all the same.
      const id = isChannelId(named) ? named : (byName.get(channelName(named)) ?? null);
      if (id !== committee.channelId) await this.channels.setChannelId(committee.committeeId, id);
      if (id && ids.has(id)) {
        resolved++;
      } else {
        const entry = { workspaceId, slug: committee.slug, channel: named, file };
        missing.push(entry);
        this.logger.warn(
          { workspace: workspaceId, committee: committee.slug, channel: named, file },
          `channel ${named} of committee ${committee.slug} (${file}) was not found in Slack: check the name, or invite the bot to a private channel`,
        );
      }
    }
    return { resolved, missing };
  }
}
