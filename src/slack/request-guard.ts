import type { IncomingHttpHeaders } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { verifySlackRequest } from "@slack/bolt";
import { z } from "zod";
import { EVENTS } from "./events/index.js";

/**
 * What may reach Bolt on the events path. Bolt 5.1 trusts the shape of a correctly signed body:
 * `payload=null` or a JSON `null` makes its receiver throw outside any handler (no answer, an
 * unhandled rejection), and a block_actions payload without `user`, an event whose `user` is
 * null and the like make it answer 500. So every request is checked here first, with Bolt's own
 * signature check, and parsed with zod into the few shapes this app uses; the rest is answered
 * at once with a 4xx. The body Bolt then reads is the very bytes Slack signed: only the content
 * type's parameters are dropped (`; charset=utf-8`), because Bolt parses a form only when the
 * header is exactly `application/x-www-form-urlencoded`.
 *
 * The schemas are loose where Slack may add fields, and exact on what Bolt reads before any of
 * our code runs (docs/decisions/2026-11-24-request-guard.md).
 */

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** A slash command's form. A client that sends no `text` means an empty one. */
export const SlashCommandBody = z.looseObject({
  command: z.string().regex(/^\/\S+$/),
  text: z.string().default(""),
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().optional(),
  response_url: z.string().optional(),
  enterprise_id: z.string().optional(),
});

const Team = z.looseObject({ id: z.string().min(1), enterprise_id: z.string().optional() });

/** A button click: the one kind of interactivity the app uses. */
const BlockActionsBody = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id: z.string().min(1), team_id: z.string().optional() }),
  team: Team.nullish(),
  enterprise: z.looseObject({ id: z.string() }).nullish(),
  channel: z.looseObject({ id: z.string() }).optional(),
  actions: z
    .array(z.looseObject({ type: z.string(), action_id: z.string(), block_id: z.string().optional(), value: z.string().optional() }))
    .min(1)
    .max(25),
  response_url: z.string().optional(),
  is_enterprise_install: z.boolean().optional(),
  // Workflow-step context: this app has no custom steps, and Bolt would take a token from it.
  function_data: z.undefined().optional(),
  bot_access_token: z.undefined().optional(),
});

/** The keys of an event Bolt reads before any listener runs (to find its user and channel). */
const EventBody = z.looseObject({
  type: z.string().min(1),
  user: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  channel: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  channel_id: z.string().optional(),
  item: z.looseObject({}).optional(),
  subteam: z.looseObject({}).optional(),
});

/** The events the app subscribes to, with what their listeners read. */
const SubscribedEvent = z.discriminatedUnion("type", [
  EventBody.extend({ type: z.literal("app_uninstalled") }),
  EventBody.extend({
    type: z.literal("tokens_revoked"),
    tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
  }),
  EventBody.extend({ type: z.enum(["channel_rename", "group_rename"]), channel: z.looseObject({ id: z.string(), name: z.string() }) }),
]);

const EventCallbackBody = z.looseObject({
  type: z.literal("event_callback"),
  team_id: z.string().min(1),
  // Its shape is checked once the app is known to subscribe to its type (SubscribedEvent).
  event: z.looseObject({ type: z.string().min(1) }),
  authorizations: z
    .array(
      z.looseObject({ team_id: z.string().nullish(), enterprise_id: z.string().nullish(), is_enterprise_install: z.boolean().optional() }),
    )
    .optional(),
});

const UrlVerificationBody = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });

const Typed = z.looseObject({ type: z.string() });

/** What to do with a request to the events path. */
export type Verdict =
  /** Hand it to Bolt, with this content type. */
  | { kind: "pass"; contentType: string }
  /** Answer it here, and log why. */
  | { kind: "answer"; status: number; reason: string; level: "debug" | "info" | "warn" };

const refuse = (status: number, reason: string): Verdict => ({ kind: "answer", status, reason, level: "warn" });

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "(body)"}: ${issue.message}` : "invalid";
}

/** The media type without parameters, lower case; undefined for a charset other than UTF-8. */
function mediaType(header: string | undefined): string | undefined {
  const [type = "", ...parameters] = (header ?? "").split(";").map((part) => part.trim().toLowerCase());
  for (const parameter of parameters) {
    const [name, value] = parameter.split("=").map((s) => s.trim().replace(/^"|"$/g, ""));
    if (name === "charset" && value !== "utf-8" && value !== "utf8") return undefined;
  }
  return type;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function judgeInteractivity(payload: string): Verdict | undefined {
  const parsed = parseJson(payload);
  if (!parsed.ok) return refuse(400, "payload is not JSON");
  const typed = Typed.safeParse(parsed.value);
  if (!typed.success) return refuse(400, `payload: ${firstIssue(typed.error)}`);
  if (typed.data.type !== "block_actions")
    return refuse(400, `interactivity of type ${JSON.stringify(typed.data.type)}, which this app does not use`);
  const actions = BlockActionsBody.safeParse(parsed.value);
  return actions.success ? undefined : refuse(400, `block_actions: ${firstIssue(actions.error)}`);
}

function judgeForm(text: string): Verdict | undefined {
  const form = parseQuery(text);
  const repeated = Object.keys(form).find((key) => Array.isArray(form[key]));
  if (repeated !== undefined) return refuse(400, `form field ${JSON.stringify(repeated)} given more than once`);
  if (typeof form.payload === "string") return judgeInteractivity(form.payload);
  const command = SlashCommandBody.safeParse(form);
  return command.success ? undefined : refuse(400, `slash command: ${firstIssue(command.error)}`);
}

function judgeJson(text: string): Verdict | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok) return refuse(400, "body is not JSON");
  const typed = Typed.safeParse(parsed.value);
  if (!typed.success) return refuse(400, `body: ${firstIssue(typed.error)}`);
  switch (typed.data.type) {
    case "url_verification": {
      const check = UrlVerificationBody.safeParse(parsed.value);
      return check.success ? undefined : refuse(400, `url_verification: ${firstIssue(check.error)}`);
    }
    case "event_callback": {
      const callback = EventCallbackBody.safeParse(parsed.value);
      if (!callback.success) return refuse(400, `event_callback: ${firstIssue(callback.error)}`);
      const type = callback.data.event.type;
      // Slack sends only what the app subscribes to; anything else is acknowledged and dropped.
      if (!(EVENTS as readonly string[]).includes(type))
        return {
          kind: "answer",
          status: 200,
          reason: `an event of type ${JSON.stringify(type)}, which this app does not subscribe to`,
          level: "info",
        };
      const event = SubscribedEvent.safeParse(callback.data.event);
      return event.success ? undefined : refuse(400, `event ${type}: ${firstIssue(event.error)}`);
    }
    case "app_rate_limited":
      // Slack tells the app it dropped events for a minute; there is nothing to answer but 200.
      return {
        kind: "answer",
        status: 200,
        reason: "Slack reports that it rate-limited events to this app (app_rate_limited)",
        level: "warn",
      };
    default:
      return refuse(400, `a body of type ${JSON.stringify(typed.data.type)}, which this app does not handle`);
  }
}

/**
 * The verdict on one request to the events path, from its headers and raw body. `now` is the
 * clock for the five-minute window (tests only).
 */
export function judgeSlackRequest(
  request: { headers: IncomingHttpHeaders; rawBody: Buffer },
  options: { signingSecret: string; nowMilliseconds?: number },
): Verdict {
  const text = request.rawBody.toString();
  const type = mediaType(request.headers["content-type"]);
  if (type === FORM && parseQuery(text).ssl_check === "1") {
    // Slack's certificate check is not signed; Bolt answers it (and drops anything smuggled in).
    return { kind: "pass", contentType: FORM };
  }
  const signature = request.headers["x-slack-signature"];
  const timestamp = request.headers["x-slack-request-timestamp"];
  try {
    if (typeof signature !== "string" || typeof timestamp !== "string")
      throw new Error("no x-slack-signature or x-slack-request-timestamp header");
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: text,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
      ...(options.nowMilliseconds === undefined ? {} : { nowMilliseconds: options.nowMilliseconds }),
    });
  } catch (error) {
    return refuse(401, `could not verify the request's signature: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (type === FORM) return judgeForm(text) ?? { kind: "pass", contentType: FORM };
  if (type === JSON_TYPE) return judgeJson(text) ?? { kind: "pass", contentType: JSON_TYPE };
  return refuse(415, `content type ${JSON.stringify(request.headers["content-type"] ?? "(none)")}; Slack sends a form or JSON`);
}
