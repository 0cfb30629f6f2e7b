import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

/** Slack's request signature: v0= + hex HMAC-SHA256 of "v0:{timestamp}:{body}". */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature; null sends none. */
  signature?: string | null;
}

export interface SlackResponse {
  status: number;
  text: string;
  /** The JSON body, when there is one. */
  json: Record<string, unknown> | undefined;
  ms: number;
}

/** POSTs a form body to the app exactly as Slack does: content type, timestamp and signature headers. */
export async function postSigned(url: string, form: Record<string, string>, options: SignOptions = {}): Promise<SlackResponse> {
  const body = new URLSearchParams(form).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const sig = options.signature === undefined ? signature(options.secret ?? SIGNING_SECRET, timestamp, body) : options.signature;
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      ...(sig === null ? {} : { "x-slack-signature": sig }),
    },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, ms };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id?: string;
  response_url?: string;
}

/** The form Slack sends for a slash command. */
export function slashCommandForm(fields: SlashCommandFields): Record<string, string> {
  return {
    token: "deprecated-verification-token",
    team_id: "T0001",
    team_domain: "mandat-test",
    channel_id: "C0001",
    channel_name: "general",
    user_id: fields.user_id ?? "U0OUTSIDER",
    user_name: "tester",
    command: fields.command,
    text: fields.text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: fields.response_url ?? "https://hooks.slack.invalid/commands/T0001/1/x",
    trigger_id: "1.2.3",
  };
}

/** The form Slack sends when a button is clicked: `payload` holding the JSON. */
export function buttonForm(input: { actionId: string; value: string; userId?: string; responseUrl: string }): Record<string, string> {
  const payload = {
    type: "block_actions",
    team: { id: "T0001", domain: "mandat-test" },
    user: { id: input.userId ?? "U0OUTSIDER", username: "tester", team_id: "T0001" },
    api_app_id: "A0001",
    token: "deprecated-verification-token",
    container: { type: "message", message_ts: "1.2", channel_id: "C0001", is_ephemeral: true },
    trigger_id: "1.2.3",
    channel: { id: "C0001", name: "general" },
    response_url: input.responseUrl,
    actions: [
      {
        type: "button",
        action_id: input.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "x" },
        value: input.value,
        action_ts: "1.3",
      },
    ],
  };
  return { payload: JSON.stringify(payload) };
}
