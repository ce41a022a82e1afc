import { createHmac } from "node:crypto";
import { BOT_USER_ID, TEAM_ID } from "./fakeSlack.ts";

/**
 * Drives the Slack surface the way Slack does: signed HTTP requests to POST /slack/events with
 * the real payload shapes (Events API JSON, slash commands form-encoded, interactivity as a
 * `payload=` form field). Test-only signing: production verification is Bolt's.
 */
export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

export interface SignedPostOptions {
  contentType?: string;
  /** Seconds since the epoch written into X-Slack-Request-Timestamp (default: now). */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function postSigned(url: string, body: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

let counter = 0;
const unique = () => ++counter;
export const newTs = () => `${1_763_950_000 + unique()}.${String(counter).padStart(6, "0")}`;
export const newEventId = () => `Ev0${unique().toString(36).toUpperCase().padStart(8, "0")}`;

/** An Events API envelope (`event_callback`) around one event. */
export function eventEnvelope(event: Record<string, unknown>, eventId = newEventId()): Record<string, unknown> {
  return {
    token: "XXYYZZ",
    team_id: TEAM_ID,
    context_team_id: TEAM_ID,
    api_app_id: "A0CONDUCT",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

/** `message.im`: a person's direct message to the bot. */
export function imMessage(user: string, text: string, ts = newTs(), extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    user,
    text,
    ts,
    client_msg_id: `c${unique()}`,
    team: TEAM_ID,
    blocks: [{ type: "rich_text", block_id: "b1", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] }],
    channel: `D${user.replace(/^U/, "")}`,
    event_ts: ts,
    channel_type: "im",
    ...extra,
  };
}

/** `app_mention`: "@conduct …" in a channel. */
export function appMention(user: string, channel: string, text: string, ts = newTs(), extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "app_mention",
    user,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    client_msg_id: `c${unique()}`,
    team: TEAM_ID,
    channel,
    event_ts: ts,
    ...extra,
  };
}

/** The same post as a channel `message` event (what a `message.channels` subscription delivers). */
export function channelMessage(mention: Record<string, unknown>): Record<string, unknown> {
  return { ...mention, type: "message", channel_type: "channel" };
}

/** A slash command, form-encoded as Slack posts it. */
export function slashCommand(user: string, channel: string, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: TEAM_ID,
    team_domain: "conduct-test",
    channel_id: channel,
    channel_name: channel.startsWith("D") ? "directmessage" : "general",
    user_id: user,
    user_name: "alex",
    command: "/conduct",
    text,
    api_app_id: "A0CONDUCT",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `13345224609.738474920.${unique()}`,
  }).toString();
}

/** A `block_actions` click on a button of a message the bot posted (form field `payload=`). */
export function blockAction(args: {
  user: string;
  channel: string;
  messageTs: string;
  button: { action_id: string; value: string; block_id?: string };
  blocks?: unknown[];
  threadTs?: string;
  ephemeral?: boolean;
  responseUrl: string;
}): string {
  const container = {
    type: "message",
    message_ts: args.messageTs,
    channel_id: args.channel,
    is_ephemeral: args.ephemeral === true,
    ...(args.threadTs ? { thread_ts: args.threadTs } : {}),
  };
  const payload = {
    type: "block_actions",
    user: { id: args.user, username: "alex", name: "alex", team_id: TEAM_ID },
    api_app_id: "A0CONDUCT",
    token: "9s8d9as89d8as9d8as989",
    container,
    trigger_id: `13345224609.738474920.${unique()}`,
    team: { id: TEAM_ID, domain: "conduct-test" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: args.channel, name: args.channel.startsWith("D") ? "directmessage" : "general" },
    ...(args.ephemeral
      ? {}
      : {
          message: {
            type: "message",
            user: BOT_USER_ID,
            ts: args.messageTs,
            ...(args.threadTs ? { thread_ts: args.threadTs } : {}),
            bot_id: "BBOTCONDUCT",
            text: "answer",
            team: TEAM_ID,
            blocks: args.blocks ?? [],
          },
        }),
    state: { values: {} },
    response_url: args.responseUrl,
    actions: [
      {
        type: "button",
        action_id: args.button.action_id,
        block_id: args.button.block_id ?? "ask.actions",
        text: { type: "plain_text", text: "button", emoji: true },
        value: args.button.value,
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A button pressed inside a view (a modal, or App Home with `viewType: "home"`), as Slack sends it: no message, no channel. */
export function viewBlockAction(args: { user: string; viewId: string; viewType?: "modal" | "home"; button: { action_id: string; value: string; block_id?: string } }): string {
  const payload = {
    type: "block_actions",
    user: { id: args.user, username: "alex", name: "alex", team_id: TEAM_ID },
    api_app_id: "A0CONDUCT",
    token: "9s8d9as89d8as9d8as989",
    container: { type: "view", view_id: args.viewId },
    trigger_id: `13345224609.738474920.${unique()}`,
    team: { id: TEAM_ID, domain: "conduct-test" },
    enterprise: null,
    is_enterprise_install: false,
    view: { id: args.viewId, type: args.viewType ?? "modal", callback_id: "info.view", state: { values: {} } },
    actions: [{ type: "button", action_id: args.button.action_id, block_id: args.button.block_id ?? "b", text: { type: "plain_text", text: "button", emoji: true }, value: args.button.value, action_ts: `${Math.floor(Date.now() / 1000)}.000100` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The global shortcut "Report a concern". */
export function globalShortcut(user: string, callbackId: string): string {
  const payload = {
    type: "shortcut",
    token: "XXXXXXXXXXXXX",
    action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
    team: { id: TEAM_ID, domain: "conduct-test" },
    user: { id: user, username: "alex", team_id: TEAM_ID },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: `13345224609.738474920.${unique()}`,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = "application/x-www-form-urlencoded";

/** One input's state as Slack sends it in a view_submission, by the input's type. */
export type InputState =
  | { type: "plain_text_input"; value: string | null }
  | { type: "number_input"; value: string | null }
  | { type: "datepicker"; selected_date: string | null }
  | { type: "static_select"; selected_option: { value: string } | null }
  | { type: "radio_buttons"; selected_option: { value: string } | null }
  | { type: "checkboxes"; selected_options: Array<{ value: string }> }
  | { type: "users_select"; selected_user: string | null }
  | { type: "multi_users_select"; selected_users: string[] };

export const typed = (value: string | null): InputState => ({ type: "plain_text_input", value });
export const chosen = (value: string, type: "static_select" | "radio_buttons" = "static_select"): InputState => ({ type, selected_option: { value } } as InputState);
export const people = (...users: string[]): InputState => ({ type: "multi_users_select", selected_users: users });
export const person = (user: string): InputState => ({ type: "users_select", selected_user: user });
export const dated = (date: string): InputState => ({ type: "datepicker", selected_date: date });

/**
 * A `view_submission` of a modal the bot opened (pass the `view` from its views.open call), with
 * the inputs filled in by block id (each input's action_id is "value", as the bot builds them).
 */
export function viewSubmission(args: { user: string; viewId: string; view: Record<string, any>; values: Record<string, InputState> }): string {
  const values = Object.fromEntries(Object.entries(args.values).map(([blockId, state]) => [blockId, { value: state }]));
  const payload = {
    type: "view_submission",
    team: { id: TEAM_ID, domain: "conduct-test" },
    user: { id: args.user, username: "someone", name: "someone", team_id: TEAM_ID },
    api_app_id: "A0CONDUCT",
    token: "9s8d9as89d8as9d8as989",
    trigger_id: `13345224609.738474920.${unique()}`,
    view: {
      id: args.viewId,
      team_id: TEAM_ID,
      type: "modal",
      blocks: args.view.blocks ?? [],
      private_metadata: args.view.private_metadata ?? "",
      callback_id: args.view.callback_id,
      state: { values },
      hash: `1712345678.${args.viewId}`,
      title: args.view.title,
      clear_on_close: false,
      notify_on_close: false,
      close: args.view.close ?? null,
      submit: args.view.submit ?? null,
      previous_view_id: null,
      root_view_id: args.viewId,
      app_id: "A0CONDUCT",
      external_id: "",
      app_installed_team_id: TEAM_ID,
      bot_id: "BBOTCONDUCT",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
