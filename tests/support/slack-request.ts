import { createHmac, randomInt } from "node:crypto";

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

/** The headers of Slack's retry number `retryNum` of a delivery (none for the first). */
function retryHeaders(retryNum: number | undefined): Record<string, string> {
  return retryNum === undefined ? {} : { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" };
}

/**
 * POSTs a form body to the app exactly as Slack does: content type, timestamp and signature
 * headers; `retryNum` adds the headers of a retried delivery.
 */
export function postSigned(
  url: string,
  form: Record<string, string>,
  options: SignOptions & { retryNum?: number } = {},
): Promise<SlackResponse> {
  const { retryNum, ...sign } = options;
  return sendSigned(url, new URLSearchParams(form).toString(), "application/x-www-form-urlencoded", sign, retryHeaders(retryNum));
}

/**
 * POSTs an Events API body (JSON) as Slack does; `retryNum` adds the headers of Slack's retries
 * (`X-Slack-Retry-Num`, `X-Slack-Retry-Reason`).
 */
export function postSignedEvent(
  url: string,
  body: Record<string, unknown>,
  options: SignOptions & { retryNum?: number } = {},
): Promise<SlackResponse> {
  const { retryNum, ...sign } = options;
  return sendSigned(url, JSON.stringify(body), "application/json", sign, retryHeaders(retryNum));
}

/**
 * POSTs any body with any content type, signed as Slack signs (unless `options` say otherwise):
 * for bodies Slack would never send but a signed client could.
 */
export function postSignedRaw(
  url: string,
  body: string,
  contentType: string | null,
  options: SignOptions & { timeoutMs?: number } = {},
): Promise<SlackResponse> {
  return sendSigned(url, body, contentType, options);
}

async function sendSigned(
  url: string,
  body: string,
  contentType: string | null,
  options: SignOptions & { timeoutMs?: number },
  headers: Record<string, string> = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const sig = options.signature === undefined ? signature(options.secret ?? SIGNING_SECRET, timestamp, body) : options.signature;
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      ...(contentType === null ? {} : { "content-type": contentType }),
      "x-slack-request-timestamp": String(timestamp),
      ...(sig === null ? {} : { "x-slack-signature": sig }),
      ...headers,
    },
    body,
    ...(options.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(options.timeoutMs) }),
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
  /** The workspace the command was typed in; default the test workspace T0001. */
  team_id?: string;
}

/** The form Slack sends for a slash command. */
export function slashCommandForm(fields: SlashCommandFields): Record<string, string> {
  const team = fields.team_id ?? "T0001";
  return {
    token: "deprecated-verification-token",
    team_id: team,
    team_domain: "mandat-test",
    channel_id: "C0001",
    channel_name: "general",
    user_id: fields.user_id ?? "U0OUTSIDER",
    user_name: "tester",
    command: fields.command,
    text: fields.text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: fields.response_url ?? `https://hooks.slack.invalid/commands/${team}/1/x`,
    trigger_id: "1.2.3",
  };
}

/** The form Slack sends when a button is clicked: `payload` holding the JSON. `teamId` defaults to T0001. */
export function buttonForm(input: {
  actionId: string;
  value: string;
  userId?: string;
  responseUrl: string;
  teamId?: string;
}): Record<string, string> {
  const team = input.teamId ?? "T0001";
  const payload = {
    type: "block_actions",
    team: { id: team, domain: "mandat-test" },
    user: { id: input.userId ?? "U0OUTSIDER", username: "tester", team_id: team },
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

/** An Events API `event_callback` body from workspace `teamId`, as Slack posts it to the request URL. */
export function eventCallback(teamId: string, event: Record<string, unknown>): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0001",
    event: { event_ts: `${now}.000100`, ...event },
    type: "event_callback",
    event_id: `Ev${String(randomInt(1, 1_000_000_000)).padStart(9, "0")}`,
    event_time: now,
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}
