import { setTimeout as sleepFor } from "node:timers/promises";

/**
 * A response_url takes 5 posts within 30 minutes of the request (docs.slack.dev). A post that
 * Slack answers 429 (after its Retry-After) or 5xx, or that does not reach Slack at all, is tried
 * again while both hold; a failed post is counted as a use, since Slack does not say otherwise.
 */
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** Waits between tries after a 5xx or a network failure: 1 s, 2 s, 4 s, 8 s. */
const BACKOFF_MS = [1000, 2000, 4000, 8000];
/** Without a readable Retry-After, a 429 waits this long. */
const DEFAULT_RETRY_AFTER_MS = 1000;

export type Delivery =
  | { delivered: true; attempts: number }
  | {
      delivered: false;
      attempts: number;
      /** Why it stopped trying. */
      reason: string;
      /** The last HTTP status, when Slack answered. */
      status?: number;
      /** The last network error, when it did not. */
      error?: unknown;
    };

export interface ResponseUrlOptions {
  /** When the request arrived (ms since the epoch): the response_url lives 30 minutes from then. */
  receivedAt: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
  fetch?: typeof fetch;
}

/** Retry-After in seconds (Slack's form) or as an HTTP date; undefined when there is none to read. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Posts `message` to a response_url (as Bolt's `respond` does), trying again within Slack's limits. */
export async function postToResponseUrl(url: string, message: object, options: ResponseUrlOptions): Promise<Delivery> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const post = options.fetch ?? fetch;
  const expires = options.receivedAt + RESPONSE_URL_LIFETIME_MS;
  const body = JSON.stringify(message);
  let last: { status?: number; error?: unknown } = {};
  for (let attempt = 1; ; attempt++) {
    let waitMs: number;
    try {
      const res = await post(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      // The body is not needed; reading it frees the connection.
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { delivered: true, attempts: attempt };
      last = { status: res.status };
      if (res.status === 429) waitMs = retryAfterMs(res.headers.get("retry-after"), now()) ?? DEFAULT_RETRY_AFTER_MS;
      else if (res.status >= 500) waitMs = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)] ?? 0;
      else return { delivered: false, attempts: attempt, reason: `Slack answered ${res.status}`, ...last };
    } catch (error) {
      last = { error };
      waitMs = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)] ?? 0;
    }
    if (attempt >= RESPONSE_URL_USES) {
      return {
        delivered: false,
        attempts: attempt,
        reason: `still failing after ${attempt} tries (a response_url takes ${RESPONSE_URL_USES})`,
        ...last,
      };
    }
    if (now() + waitMs >= expires) {
      return {
        delivered: false,
        attempts: attempt,
        reason: "the next try would come after the response_url expires (30 minutes)",
        ...last,
      };
    }
    await sleep(waitMs);
  }
}
