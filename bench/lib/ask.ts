// One slash command as Slack sends it, and its reply however it comes: in the HTTP answer, or
// (when the bot is past its reply budget) posted to the request's response_url a moment later.
import type { FakeSlack } from "../../tests/support/fake-slack.js";
import { postSigned, slashCommandForm } from "../../tests/support/slack-request.js";

export interface Command {
  command: string;
  text: string;
  user: string;
}

/** A bot to ask: where its requests go, and the fake Slack its late replies are posted to. */
export interface Target {
  eventsUrl: string;
  fake: FakeSlack;
}

export interface Answer {
  /** From sending the request to holding the reply. */
  ms: number;
  /** From sending the request to its HTTP answer: what Slack times out after 3 s. */
  ackMs: number;
  via: "inline" | "response_url";
  message: { text?: string; blocks: unknown[] };
}

/** How long a reply may take before the benchmark gives up on it. */
const REPLY_TIMEOUT_MS = 120_000;

let sent = 0;

function isMessage(value: unknown): value is Answer["message"] {
  return typeof value === "object" && value !== null && Array.isArray((value as { blocks?: unknown }).blocks);
}

/**
 * Sends the command (signed, with a response_url of the fake Slack) and resolves to the reply.
 * Anything but a reply is thrown: a status other than 200, an empty answer with no reply posted later.
 */
export async function ask(target: Target, command: Command): Promise<Answer> {
  const id = `bench-${process.pid}-${++sent}`;
  const started = performance.now();
  const res = await postSigned(
    target.eventsUrl,
    slashCommandForm({ command: command.command, text: command.text, user_id: command.user, response_url: target.fake.responseUrl(id) }),
  );
  if (res.status !== 200) throw new Error(`${describe(command)}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  if (isMessage(res.json)) return { ms: res.ms, ackMs: res.ms, via: "inline", message: res.json };
  if (res.text.trim() !== "") throw new Error(`${describe(command)}: an answer without blocks: ${res.text.slice(0, 200)}`);
  const late = await target.fake.waitFor((c) => c.method === `response_url:${id}`, REPLY_TIMEOUT_MS);
  const ms = performance.now() - started;
  if (!isMessage(late.body))
    throw new Error(`${describe(command)}: a late reply without blocks: ${JSON.stringify(late.body).slice(0, 200)}`);
  return { ms, ackMs: res.ms, via: "response_url", message: late.body };
}

export function describe(command: Pick<Command, "command" | "text">): string {
  return `${command.command} ${command.text}`.trim();
}
