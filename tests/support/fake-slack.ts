import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the app made to the fake: a Web API method, or a post to a response_url. */
export interface RecordedCall {
  /** "chat.postMessage", "users.lookupByEmail" … or "response_url:<id>". */
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
}

export interface FakeAnswer {
  /** Answer only after this long (a slow Slack). */
  delayMs?: number;
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

type Responder = (body: Record<string, unknown>, attempt: number, call: RecordedCall) => FakeAnswer;

/**
 * Slack's Web API down, for every method at once (response_url keeps working: it is another
 * service): answering 500, or 429 with Retry-After, cutting the connection before any answer,
 * or hanging (answering 504 only after `delayMs`).
 */
export type Outage =
  | { kind: "5xx"; status?: number }
  | { kind: "429"; retryAfterSeconds: number }
  | { kind: "reset" }
  | { kind: "hang"; delayMs: number };

/** Who auth.test says a bot token belongs to. */
export interface FakeBot {
  teamId: string;
  teamName?: string;
  userId?: string;
}

/** The token a Web API call was made with. */
export function bearer(call: Pick<RecordedCall, "headers">): string {
  return String(call.headers.authorization ?? "").replace(/^Bearer /, "");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const params = Object.fromEntries(new URLSearchParams(raw));
  // WebClient sends structured arguments (blocks …) as JSON strings inside the form.
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      try {
        return [k, /^[[{]/.test(v) ? JSON.parse(v) : v];
      } catch {
        return [k, v];
      }
    }),
  );
}

/**
 * A small local stand-in for the Slack Web API (via SLACK_API_URL) and for response_url.
 * It records every call and answers `{ ok: true }` unless told otherwise; answers can be
 * scripted per method, e.g. a 429 with Retry-After, a 500, or a users.lookupByEmail result.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly responders = new Map<string, Responder>();
  private readonly attempts = new Map<string, number>();
  private readonly waiters: { predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  private server: Server | undefined;
  private origin = "";
  private outage: Outage | undefined;

  private readonly bots = new Map<string, FakeBot>([["xoxb-test-token", { teamId: "T0001", teamName: "Mandat test" }]]);

  constructor() {
    this.answer("auth.test", (_body, _attempt, call) => {
      const bot = this.bots.get(bearer(call));
      if (!bot) return { body: { ok: false, error: "invalid_auth" } };
      return {
        body: {
          ok: true,
          user_id: bot.userId ?? "UBOT",
          bot_id: "BBOT",
          team_id: bot.teamId,
          team: bot.teamName ?? bot.teamId,
          url: "https://fake.invalid/",
        },
      };
    });
    this.answer("users.lookupByEmail", () => ({ body: { ok: false, error: "users_not_found" } }));
    this.answer("conversations.list", () => ({ body: { ok: true, channels: [], response_metadata: { next_cursor: "" } } }));
  }

  /** Makes `token` a valid bot token of `bot.teamId` (auth.test answers for it). */
  addBot(token: string, bot: FakeBot): void {
    this.bots.set(token, bot);
  }

  /** Base URL for WebClient's slackApiUrl. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url the app can post to; calls to it are recorded as "response_url:<id>". */
  responseUrl(id: string): string {
    return `${this.origin}/respond/${id}`;
  }

  /** From now on every Web API call fails this way (still recorded), until `up()`. */
  down(outage: Outage): void {
    this.outage = outage;
  }

  /** Slack answers again, as scripted. */
  up(): void {
    this.outage = undefined;
  }

  /** The Web API calls made so far (response_url posts left out). */
  get apiCalls(): RecordedCall[] {
    return this.calls.filter((c) => !c.method.startsWith("response_url:"));
  }

  answer(method: string, responder: Responder): void {
    this.responders.set(method, responder);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The first call (already made or still to come) that satisfies `predicate`. */
  waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const made = this.calls.find(predicate);
    if (made) return Promise.resolve(made);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Slack: no matching call within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    const body = parseBody(await readBody(req), req.headers["content-type"]);
    const method = url.pathname.startsWith("/respond/")
      ? `response_url:${url.pathname.slice("/respond/".length)}`
      : url.pathname.replace(/^\/api\//, "");
    const call: RecordedCall = { method, body, headers: req.headers };
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    const outage = method.startsWith("response_url:") ? undefined : this.outage;
    if (outage?.kind === "reset") {
      req.socket.destroy();
      return;
    }
    if (outage?.kind === "hang") {
      await new Promise((resolve) => setTimeout(resolve, outage.delayMs));
      res.writeHead(504, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "gateway_timeout" }));
      return;
    }
    if (outage) {
      const limited = outage.kind === "429";
      res.writeHead(limited ? 429 : (outage.status ?? 500), {
        "content-type": "application/json",
        ...(limited ? { "retry-after": String(outage.retryAfterSeconds) } : {}),
      });
      res.end(JSON.stringify({ ok: false, error: limited ? "ratelimited" : "internal_error" }));
      return;
    }
    const attempt = (this.attempts.get(method) ?? 0) + 1;
    this.attempts.set(method, attempt);
    const answer = this.responders.get(method)?.(body, attempt, call) ?? { body: { ok: true } };
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }
}
