import { webApi } from "@slack/bolt";
import type { Logger } from "../logging/logger.js";
import { boltLogger } from "./bolt-logger.js";

/**
 * One Web API client per token, all pointing at the same API base (SLACK_API_URL: a proxy, or
 * the tests' fake Slack) and logging through our logger. WebClient retries 429s (after
 * Retry-After) and 5xx by itself.
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
   * A client that gives up soon (three tries within about two seconds): for the calls made while
   * the bot starts, which must not hang for WebClient's default half hour of retries.
   */
  impatient(token: string): webApi.WebClient {
    return new webApi.WebClient(token, {
      ...this.clientOptions,
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
    });
  }

  for(token: string): webApi.WebClient {
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.clientOptions);
      this.clients.set(token, client);
    }
    return client;
  }
}

/** The Slack error code of a failed Web API call (`users_not_found`, `invalid_auth` …), if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null || !("error" in data)) return undefined;
  const code = (data as { error?: unknown }).error;
  return typeof code === "string" ? code : undefined;
}
