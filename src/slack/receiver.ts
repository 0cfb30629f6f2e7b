import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions } from "@slack/bolt";
import type { Logger } from "../logging/logger.js";
import { judgeSlackRequest } from "./request-guard.js";

/** How often a stop looks whether requests are still coming in (see `drain`). */
const QUIET_CHECK_MS = 10;

export interface GuardedReceiverOptions extends HTTPReceiverOptions {
  endpoints: string;
  /** Our logger, for what the guard refuses (Bolt's own lines go to `logger`). */
  log: Logger;
}

/**
 * Bolt's HTTP receiver behind a guard we control (src/slack/request-guard.ts): every POST to the
 * events path is read (up to Bolt's body limit), its signature checked and its body parsed
 * before Bolt sees it; what the guard refuses is answered here with a 4xx. Everything else
 * (GET /healthz, the OAuth pages) goes to Bolt untouched.
 *
 * It also knows which requests are still unanswered, so a stop can let them finish
 * (`drain`, then Bolt's `stop`). Measured on the landed code (docs/decisions/2026-11-24-clean-stop.md):
 * Bolt's stop is Node's server.close(), which answers the requests the process has read, but
 * keeps kept-alive connections open (and serving) for Node's keep-alive timeout, and resets the
 * connections still waiting in the kernel's accept queue: a bot busy with 50 slash commands had
 * read 2 to 35 of them when SIGTERM came, and the rest got ECONNRESET.
 */
export class GuardedReceiver extends HTTPReceiver {
  private readonly unanswered = new Set<ServerResponse>();
  /** Requests received so far (a stop waits until no new one comes). */
  private received = 0;
  private closing = false;
  private readonly endpoint: string;
  private readonly secret: string;
  private readonly limit: number | string;
  private readonly log: Logger;

  constructor({ log, ...options }: GuardedReceiverOptions) {
    super(options);
    this.endpoint = options.endpoints;
    this.secret = options.signingSecret;
    this.limit = options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit;
    this.log = log;
    const bolt = this.requestListener;
    this.requestListener = (req, res) => this.receive(req, res, bolt);
  }

  /** Requests received and not yet answered. */
  get inFlight(): number {
    return this.unanswered.size;
  }

  /**
   * The first half of a stop: every answer from now on closes its connection, and this resolves
   * once every request received is answered and no new one has come for a moment (or when
   * `signal` aborts). The server keeps listening meanwhile, so connections already waiting in
   * the accept queue (Slack sent them before the stop) are read and answered rather than reset.
   * Then Bolt's `stop` closes the server: no connection is left to keep it open.
   */
  async drain(signal: AbortSignal): Promise<void> {
    this.closing = true;
    for (const res of this.unanswered) if (!res.headersSent) res.setHeader("connection", "close");
    let quietSince: number | undefined;
    while (!signal.aborted) {
      if (this.unanswered.size > 0) quietSince = undefined;
      else if (quietSince === undefined) quietSince = this.received;
      else if (quietSince === this.received) return;
      else quietSince = this.received;
      await new Promise((resolve) => setTimeout(resolve, QUIET_CHECK_MS));
    }
  }

  private receive(req: IncomingMessage, res: ServerResponse, bolt: RequestListener): void {
    this.received += 1;
    this.unanswered.add(res);
    res.once("close", () => this.unanswered.delete(res));
    if (this.closing) res.setHeader("connection", "close");
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      this.answer(res, 400, "the request URL cannot be read", "warn");
      return;
    }
    // The same test Bolt makes before it treats a request as Slack's.
    if (path === this.endpoint && req.method?.toUpperCase() === "POST") {
      void this.guard(req, res, bolt);
      return;
    }
    bolt(req, res);
  }

  private async guard(req: IncomingMessage, res: ServerResponse, bolt: RequestListener): Promise<void> {
    try {
      // Bolt reads `rawBody` when it is already there, so the body is read once.
      const { rawBody } = await HTTPModuleFunctions.bufferIncomingMessage(req, this.limit);
      const verdict = judgeSlackRequest({ headers: req.headers, rawBody }, { signingSecret: this.secret });
      if (verdict.kind === "answer") {
        this.answer(res, verdict.status, verdict.reason, verdict.level);
        return;
      }
      req.headers["content-type"] = verdict.contentType;
      bolt(req, res);
    } catch (error) {
      if (HTTPModuleFunctions.isRawBodyError(error) && (error.type === "entity.too.large" || error.statusCode === 413)) {
        this.answer(res, 413, `the body is larger than ${this.limit} bytes`, "warn");
      } else {
        this.log.warn({ err: error }, "could not read a request to the events path");
        this.answer(res, 400, "the body could not be read", "debug");
      }
    }
  }

  private answer(res: ServerResponse, status: number, reason: string, level: "debug" | "info" | "warn"): void {
    this.log[level]({ status }, `answered ${status} without handling it: ${reason}`);
    if (res.headersSent) return;
    // The reason is for whoever signed the request; one that is not signed learns nothing.
    const body = status === 200 || status === 401 ? "" : `${reason}\n`;
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(body);
  }
}
