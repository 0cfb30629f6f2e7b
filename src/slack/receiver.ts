import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions } from "@slack/bolt";
import type { Logger } from "../logging/logger.js";
import { judgeSlackRequest } from "./request-guard.js";

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
 * It also knows which requests are still unanswered, so a stop can let them finish: once
 * `stop()` is called no connection is accepted, every answer still to be written closes its
 * connection (`Connection: close`), and Node's server.close() drops the idle keep-alive ones.
 * Without that, a kept-alive connection would hold the stop for Node's keep-alive timeout and
 * could even bring new requests in meanwhile (measured: docs/decisions/2026-11-24-request-guard.md).
 */
export class GuardedReceiver extends HTTPReceiver {
  private readonly unanswered = new Set<ServerResponse>();
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

  override async stop(): Promise<void> {
    this.closing = true;
    for (const res of this.unanswered) if (!res.headersSent) res.setHeader("connection", "close");
    await super.stop();
  }

  private receive(req: IncomingMessage, res: ServerResponse, bolt: RequestListener): void {
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
