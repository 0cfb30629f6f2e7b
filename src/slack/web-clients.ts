import { webApi } from "@slack/bolt";
import type { Logger } from "../logging/logger.js";
import { boltLogger } from "./bolt-logger.js";

/**
 * The bot's own calls (lookups, and later messages): WebClient tries 4 times, 1 to 4 s apart (5xx,
 * connection failures; a 429 after its Retry-After), each attempt given up after 15 s: about 7 s
 * when Slack answers 5xx, about a minute when it hangs, instead of its default ten tries over half
 * an hour. A call that still fails is tried again later by the caller (src/jobs/retry-later.ts).
 */
const BACKGROUND_RETRIES = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000 };
const BACKGROUND_TIMEOUT_MS = 15_000;

/**
 * One Web API client per token, all pointing at the same API base (SLACK_API_URL: a proxy, or
 * the tests' fake Slack) and logging through our logger.
 */
export class WebClients {
  private readonly clients = new Map<string, webApi.WebClient>();

  constructor(private readonly options: { apiUrl?: string | undefined; logger: Logger }) {}

  /** Client options for Bolt's own clients and its OAuth installer: the same base URL and logger. */
  get clientOptions(): webApi.WebClientOptions {
    const { apiUrl, logger } = this.options;
    return { logger: boltLogger(logger, "web-api"), ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}) };
  }

  /**
   * A client that gives up soon: for `auth.test` while the bot starts, which must not wait for
   * Slack. Three tries within about a second, each given up after 2 s; a 429 is not waited out
   * (its Retry-After could be minutes) but thrown at once, with the wait it asks for.
   */
  impatient(token: string): webApi.WebClient {
    return new webApi.WebClient(token, {
      ...this.clientOptions,
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
      timeout: 2_000,
      rejectRateLimitedCalls: true,
    });
  }

  for(token: string): webApi.WebClient {
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, { ...this.clientOptions, retryConfig: BACKGROUND_RETRIES, timeout: BACKGROUND_TIMEOUT_MS });
      this.clients.set(token, client);
    }
    return client;
  }
}

/** How long Slack asked to wait (a 429's Retry-After, as WebClient reports it), in milliseconds. */
export function slackRetryAfterMs(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("retryAfter" in error)) return undefined;
  const seconds = (error as { retryAfter?: unknown }).retryAfter;
  return typeof seconds === "number" && Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/** The Slack error code of a failed Web API call (`users_not_found`, `invalid_auth` …), if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null || !("error" in data)) return undefined;
  const code = (data as { error?: unknown }).error;
  return typeof code === "string" ? code : undefined;
}
