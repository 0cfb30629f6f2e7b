import { buttonForm, eventCallback, slashCommandForm } from "./slack-request.js";

/**
 * Bodies a correctly signed client could send to the events path that Slack itself would not
 * (or not in that form). Each is answered at once: `status` is what the bot must answer.
 * tests/slack/odd-bodies.test.ts sends them to the bot in-process, bench/hostile-requests.ts to
 * the bot as a process.
 */
export interface OddBody {
  label: string;
  contentType: string | null;
  body: string;
  status: number;
  /** A slash command that must still be answered with a reply in the HTTP answer. */
  replies?: boolean;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const command = (fields: Record<string, string> = {}) => ({
  ...slashCommandForm({ command: "/mandat", text: "" }),
  ...fields,
});
const withoutText = () => {
  const { text: _text, ...rest } = command();
  return rest;
};
const button = () =>
  JSON.parse(
    buttonForm({
      actionId: "mandat_open:norprem",
      value: JSON.stringify({ committee: "norprem", language: "en" }),
      responseUrl: "https://hooks.slack.invalid/actions/T0001/1/x",
    }).payload ?? "{}",
  ) as Record<string, unknown>;
const payload = (value: unknown) => form({ payload: JSON.stringify(value) });
const event = (fields: Record<string, unknown>) => JSON.stringify(eventCallback("T0001", fields));

export const ODD_BODIES: OddBody[] = [
  { label: "payload=null", contentType: FORM, body: "payload=null", status: 400 },
  { label: "a JSON null body", contentType: JSON_TYPE, body: "null", status: 400 },
  { label: "block_actions without user", contentType: FORM, body: payload({ ...button(), user: undefined }), status: 400 },
  { label: "block_actions with user null", contentType: FORM, body: payload({ ...button(), user: null }), status: 400 },
  { label: "block_actions with user {} (no id)", contentType: FORM, body: payload({ ...button(), user: {} }), status: 400 },
  { label: "block_actions with actions null", contentType: FORM, body: payload({ ...button(), actions: null }), status: 400 },
  { label: "block_actions with an action null", contentType: FORM, body: payload({ ...button(), actions: [null] }), status: 400 },
  {
    label: "block_actions with a number as value",
    contentType: FORM,
    body: payload({ ...button(), actions: [{ ...(button().actions as object[])[0], value: 42 }] }),
    status: 400,
  },
  { label: "block_actions with team a string", contentType: FORM, body: payload({ ...button(), team: "T0001" }), status: 400 },
  { label: "payload=[] (an array)", contentType: FORM, body: payload([]), status: 400 },
  { label: "payload=42 (a number)", contentType: FORM, body: "payload=42", status: 400 },
  { label: "payload not JSON", contentType: FORM, body: "payload=%7Boops", status: 400 },
  { label: "payload of an unknown type", contentType: FORM, body: payload({ ...button(), type: "no_such_type" }), status: 400 },
  {
    label: "view_submission without view",
    contentType: FORM,
    body: payload({ type: "view_submission", user: { id: "U1" }, team: { id: "T0001" } }),
    status: 400,
  },
  {
    label: "shortcut without user",
    contentType: FORM,
    body: payload({ type: "shortcut", callback_id: "x", team: { id: "T0001" } }),
    status: 400,
  },
  {
    label: "block_suggestion without user",
    contentType: FORM,
    body: payload({ type: "block_suggestion", action_id: "x", team: { id: "T0001" } }),
    status: 400,
  },
  { label: "a slash command without text", contentType: FORM, body: form(withoutText()), status: 200, replies: true },
  {
    label: "a slash command, content type with charset=utf-8",
    contentType: `${FORM}; charset=utf-8`,
    body: form(command()),
    status: 200,
    replies: true,
  },
  {
    label: "a slash command, content type in capitals",
    contentType: "Application/X-WWW-Form-Urlencoded",
    body: form(command()),
    status: 200,
    replies: true,
  },
  { label: "a slash command with text twice", contentType: FORM, body: `${form(command())}&text=again`, status: 400 },
  { label: "a slash command with an empty user_id", contentType: FORM, body: form({ ...command(), user_id: "" }), status: 400 },
  { label: "a form with neither command nor payload", contentType: FORM, body: form({ team_id: "T0001", text: "hello" }), status: 400 },
  { label: "an empty form body", contentType: FORM, body: "", status: 400 },
  { label: "an empty JSON body", contentType: JSON_TYPE, body: "", status: 400 },
  { label: "JSON that is not JSON", contentType: JSON_TYPE, body: '{"type": "event_callback", ', status: 400 },
  { label: "a JSON array", contentType: JSON_TYPE, body: "[]", status: 400 },
  { label: "a JSON string", contentType: JSON_TYPE, body: '"event_callback"', status: 400 },
  { label: "a JSON object of an unknown type", contentType: JSON_TYPE, body: JSON.stringify({ type: "no_such_type" }), status: 400 },
  { label: "a JSON object without type", contentType: JSON_TYPE, body: JSON.stringify({ team_id: "T0001" }), status: 400 },
  {
    label: "event_callback with event null",
    contentType: JSON_TYPE,
    body: JSON.stringify({ ...eventCallback("T0001", {}), event: null }),
    status: 400,
  },
  {
    label: "event_callback with event a string",
    contentType: JSON_TYPE,
    body: JSON.stringify({ ...eventCallback("T0001", {}), event: "app_uninstalled" }),
    status: 400,
  },
  {
    label: "event_callback without event",
    contentType: JSON_TYPE,
    body: JSON.stringify({ ...eventCallback("T0001", {}), event: undefined }),
    status: 400,
  },
  {
    label: "event_callback with authorizations [null]",
    contentType: JSON_TYPE,
    body: JSON.stringify({ ...eventCallback("T0001", { type: "app_uninstalled" }), authorizations: [null] }),
    status: 400,
  },
  {
    label: "an event with user null",
    contentType: JSON_TYPE,
    body: event({ type: "channel_rename", user: null, channel: { id: "C1", name: "x" } }),
    status: 400,
  },
  {
    label: "channel_rename with channel null",
    contentType: JSON_TYPE,
    body: event({ type: "channel_rename", channel: null }),
    status: 400,
  },
  { label: "tokens_revoked without tokens", contentType: JSON_TYPE, body: event({ type: "tokens_revoked" }), status: 400 },
  {
    label: "an event of a type the app does not subscribe to",
    contentType: JSON_TYPE,
    body: event({ type: "reaction_added", item: "x" }),
    status: 200,
  },
  { label: "url_verification without challenge", contentType: JSON_TYPE, body: JSON.stringify({ type: "url_verification" }), status: 400 },
  { label: "a slash command sent as text/plain", contentType: "text/plain", body: form(command()), status: 415 },
  {
    label: "a JSON event in another charset",
    contentType: `${JSON_TYPE}; charset=iso-8859-1`,
    body: event({ type: "channel_rename", channel: { id: "C1", name: "x" } }),
    status: 415,
  },
  { label: "no content type given (fetch sends text/plain)", contentType: null, body: "null", status: 415 },
];
