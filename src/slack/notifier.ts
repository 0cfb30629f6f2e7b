import type { types } from "@slack/bolt";
import type { WorkspaceId } from "../domain/workspace.js";
import type { HistoryMessage, MetadataPayload, Notifier, OutboundMessage, PostedMessage, SlackChannel } from "../services/ports.js";
import { slackErrorCode, type WebClients } from "./web-clients.js";

/** The bot token of a workspace: the one token of a single-workspace bot, or an installation's. */
export type TokenFor = (workspaceId: WorkspaceId) => Promise<string>;

/** What chat.postMessage, chat.update and chat.postEphemeral share. */
function messageArguments(message: OutboundMessage) {
  return {
    text: message.text,
    // Services pass blocks through untouched; they were built by src/slack/blocks as Block Kit.
    ...(message.blocks ? { blocks: message.blocks as types.KnownBlock[] } : {}),
    ...(message.metadata ? { metadata: { event_type: message.metadata.eventType, event_payload: message.metadata.payload } } : {}),
  };
}

/** The flat values of a metadata payload read back from Slack (nested objects are not ours). */
function flatPayload(payload: Record<string, unknown> | undefined): MetadataPayload {
  return Object.fromEntries(
    Object.entries(payload ?? {}).filter((e): e is [string, string | number | boolean] =>
      ["string", "number", "boolean"].includes(typeof e[1]),
    ),
  );
}

/** The Notifier port over Slack's Web API, with the token chosen per workspace. */
export class SlackNotifier implements Notifier {
  constructor(
    private readonly clients: WebClients,
    private readonly tokenFor: TokenFor,
  ) {}

  private async client(workspaceId: WorkspaceId) {
    return this.clients.for(await this.tokenFor(workspaceId));
  }

  async post(workspaceId: WorkspaceId, channel: string, message: OutboundMessage): Promise<PostedMessage> {
    const result = await (await this.client(workspaceId)).chat.postMessage({ channel, ...messageArguments(message) });
    return { channel: result.channel ?? channel, ts: result.ts ?? "" };
  }

  async update(workspaceId: WorkspaceId, at: PostedMessage, message: OutboundMessage): Promise<void> {
    await (await this.client(workspaceId)).chat.update({ channel: at.channel, ts: at.ts, ...messageArguments(message) });
  }

  async ephemeral(workspaceId: WorkspaceId, channel: string, user: string, message: OutboundMessage): Promise<void> {
    await (await this.client(workspaceId)).chat.postEphemeral({ channel, user, ...messageArguments(message) });
  }

  async directMessage(workspaceId: WorkspaceId, user: string, message: OutboundMessage): Promise<PostedMessage> {
    const client = await this.client(workspaceId);
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`Slack opened no direct message channel with ${user}`);
    const result = await client.chat.postMessage({ channel, ...messageArguments(message) });
    return { channel, ts: result.ts ?? "" };
  }

  async history(workspaceId: WorkspaceId, channel: string, options: { oldest?: string; limit?: number } = {}): Promise<HistoryMessage[]> {
    const result = await (await this.client(workspaceId)).conversations.history({
      channel,
      include_all_metadata: true,
      ...(options.oldest ? { oldest: options.oldest } : {}),
      limit: options.limit ?? 100,
    });
    return (result.messages ?? []).map((m) => ({
      ts: m.ts ?? "",
      text: m.text ?? "",
      ...(m.user ? { user: m.user } : {}),
      ...(m.metadata?.event_type ? { metadata: { eventType: m.metadata.event_type, payload: flatPayload(m.metadata.event_payload) } } : {}),
    }));
  }

  async publishHome(workspaceId: WorkspaceId, user: string, view: { blocks: readonly object[] }): Promise<void> {
    await (await this.client(workspaceId)).views.publish({
      user_id: user,
      view: { type: "home", blocks: view.blocks as types.KnownBlock[] },
    });
  }

  async lookupUserByEmail(workspaceId: WorkspaceId, email: string): Promise<string | undefined> {
    try {
      const result = await (await this.client(workspaceId)).users.lookupByEmail({ email });
      return result.user?.id;
    } catch (error) {
      // users_not_found is an answer, not a fault: that person is not in the workspace.
      if (slackErrorCode(error) === "users_not_found") return undefined;
      throw error;
    }
  }

  async channels(workspaceId: WorkspaceId): Promise<SlackChannel[]> {
    const client = await this.client(workspaceId);
    const found: SlackChannel[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.list({
        types: "public_channel,private_channel",
        exclude_archived: true,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const c of page.channels ?? []) if (c.id && c.name) found.push({ id: c.id, name: c.name });
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return found;
  }
}
