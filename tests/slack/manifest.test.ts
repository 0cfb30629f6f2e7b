import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { COMMANDS } from "../../commands/index.js";
import { BOT_EVENTS, BOT_SCOPES, EVENTS_PATH, INTERACTIVITY, OAUTH_REDIRECT_PATH } from "../../src/slack/features.js";
import { ROOT } from "../support/paths.js";

/** manifest.yml is what Slack is told; the code is what runs. They must say the same. */

interface Manifest {
  display_information?: { name?: unknown; description?: unknown };
  features?: { slash_commands?: { command: string; description?: string; usage_hint?: string; url?: string; should_escape?: boolean }[] };
  oauth_config?: { redirect_urls?: string[]; scopes?: { bot?: string[]; user?: string[] } };
  settings?: {
    interactivity?: { is_enabled?: boolean; request_url?: string };
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    socket_mode_enabled?: boolean;
  };
}

// parseDocument rather than parse: a syntax error is then one failing test, not a file that cannot load.
const document = parseDocument(await readFile(path.join(ROOT, "manifest.yml"), "utf8"), { uniqueKeys: true });
const manifest = document.toJS() as Manifest;
const declared = manifest.features?.slash_commands ?? [];

describe("manifest.yml", () => {
  it("is valid YAML (Slack refuses a manifest it cannot parse)", () => {
    expect(document.errors.map((e) => e.message)).toEqual([]);
    expect(document.warnings.map((e) => e.message)).toEqual([]);
  });

  it("has a display name and a one-line description as Slack expects them", () => {
    const { name, description } = manifest.display_information ?? {};
    expect(typeof name).toBe("string");
    expect(String(name).length).toBeLessThanOrEqual(35);
    expect(typeof description).toBe("string");
    expect(String(description).length).toBeLessThanOrEqual(140);
  });

  it("declares exactly the slash commands the code registers", () => {
    expect(declared.map((c) => c.command).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    expect(new Set(declared.map((c) => c.command)).size).toBe(declared.length);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))("gives %s the code's description and usage hint", (name, command) => {
    const entry = declared.find((c) => c.command === name);
    expect(entry?.description).toBe(command.description);
    expect(entry?.usage_hint).toBe(command.usageHint);
  });

  it("keeps command names within Slack's 32 characters, starting with a slash", () => {
    for (const { command } of declared) {
      expect(command).toMatch(/^\/[a-z0-9_-]+$/);
      expect(command.length).toBeLessThanOrEqual(32);
    }
    for (const command of COMMANDS) expect(command.name.length).toBeLessThanOrEqual(32);
  });

  it("sends commands to the path the app listens on, with escaping left to the app", () => {
    for (const c of declared) {
      expect(new URL(c.url ?? "").pathname).toBe(EVENTS_PATH);
      // The app escapes user text itself (src/slack/blocks/mrkdwn.ts) and reads committee names raw.
      expect(c.should_escape).toBe(false);
    }
  });

  it("asks for exactly the bot scopes the code needs", () => {
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.oauth_config?.scopes?.user ?? []).toEqual([]);
  });

  it("subscribes to exactly the bot events the code handles", () => {
    const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
    expect([...events].sort()).toEqual([...BOT_EVENTS].sort());
    if (BOT_EVENTS.length > 0) expect(new URL(manifest.settings?.event_subscriptions?.request_url ?? "").pathname).toBe(EVENTS_PATH);
  });

  it("sends a distributed app's OAuth back to the path the app handles it on", () => {
    const urls = manifest.oauth_config?.redirect_urls ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(new URL(url).pathname).toBe(OAUTH_REDIRECT_PATH);
  });

  it("enables interactivity exactly when the code uses buttons", () => {
    expect(manifest.settings?.interactivity?.is_enabled ?? false).toBe(INTERACTIVITY);
    if (INTERACTIVITY) expect(new URL(manifest.settings?.interactivity?.request_url ?? "").pathname).toBe(EVENTS_PATH);
  });
});
