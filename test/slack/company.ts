// Helpers for the Slack report and approval tests: the example company (directory.example.yaml)
// on the real app, a manual clock, and the worker driven by hand.
import { manualClock } from "../../src/core/clock.ts";
import type { SlackCall } from "../support/fakeSlack.ts";
import { blockAction, globalShortcut, viewBlockAction, viewSubmission, type InputState } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";

export type Button = { action_id: string; value: string; text?: { text: string } };
export type Company = SlackHarness & { clock: ReturnType<typeof manualClock> };

export const texts = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []) + String(call.args.text ?? "") + JSON.stringify(call.args.view ?? {});
export const buttonsOf = (blocks: unknown[] = []): Button[] =>
  (blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

/** DM channel the fake Slack opens for a user: U0PRIYA → D0PRIYA. */
export const dm = (user: string) => `D${user.replace(/^U/, "")}`;

/** The real app with Slack on, the example company imported, a manual clock and the worker stopped. */
export async function startCompany(start = "2026-03-02T09:00:00Z"): Promise<Company> {
  const clock = manualClock(start);
  const h = await startSlackApp({ DIRECTORY_FILE: "directory.example.yaml" }, { clock, workerIntervalMs: 0 });
  return Object.assign(h, { clock });
}

/** Posts sent to one DM channel (top-level and in threads). */
export const postsTo = (h: SlackHarness, channel: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);

/** Every Web API call that went to a channel (posts, updates, ephemerals). */
export const callsIn = (h: SlackHarness, channel: string) => h.slack.calls.filter((c) => c.args.channel === channel);

let viewCounter = 0;
/** A view id as Slack would give the modal (stable across re-deliveries of one submission). */
export const newViewId = () => `V0TEST${String(++viewCounter).padStart(5, "0")}`;

/** Clicks a button of a message the bot posted (its blocks as posted), in that message's channel. */
export async function click(h: SlackHarness, user: string, post: SlackCall, actionId: string, responseUrl = h.slack.responseUrl("click")): Promise<Response> {
  const button = buttonsOf(post.args.blocks).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button on the message; buttons: ${buttonsOf(post.args.blocks).map((b) => b.action_id).join(", ")}`);
  const ts = post.args.ts ?? post.result?.ts;
  return h.sendForm(blockAction({ user, channel: post.args.channel, messageTs: ts, button, blocks: post.args.blocks, responseUrl }));
}

/** Clicks a button that opens a modal and returns the modal (views.open). */
export async function clickForModal(h: SlackHarness, user: string, post: SlackCall, actionId: string): Promise<Record<string, any>> {
  const before = h.slack.callsTo("views.open").length;
  await click(h, user, post, actionId);
  return nextModal(h, before);
}

/** Clicks a button that opens a loading modal and then fills it (views.update); returns the filled modal. */
export async function clickForFilledModal(h: SlackHarness, user: string, post: SlackCall, actionId: string): Promise<Record<string, any>> {
  const before = h.slack.callsTo("views.update").length;
  await click(h, user, post, actionId);
  return nextUpdate(h, before);
}

/** Waits for the next views.open after `before` calls and returns its view. */
export async function nextModal(h: SlackHarness, before: number): Promise<Record<string, any>> {
  const [open] = await h.slack.waitFor("views.open", { count: before + 1 });
  return h.slack.callsTo("views.open")[before]!.args.view ?? open!.args.view;
}

/** Waits for the modal the bot fills after opening a loading one (views.update number `before + 1`). */
export async function nextUpdate(h: SlackHarness, before: number): Promise<Record<string, any>> {
  await h.slack.waitFor("views.update", { count: before + 1 });
  return h.slack.callsTo("views.update")[before]!.args.view;
}

/** Submits a modal the bot opened; returns Slack's view of the answer (JSON body or null for a plain ack). */
export async function submit(
  h: SlackHarness,
  user: string,
  view: Record<string, any>,
  values: Record<string, InputState>,
  options: { viewId?: string; retryNum?: number } = {},
): Promise<{ status: number; body: any; viewId: string }> {
  const viewId = options.viewId ?? newViewId();
  const res = await h.sendForm(viewSubmission({ user, viewId, view, values }), options.retryNum ? { headers: { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" } } : {});
  const raw = await res.text();
  return { status: res.status, body: raw ? JSON.parse(raw) : null, viewId };
}

/** Opens the report form from the shortcut and returns the modal. */
export async function openReportForm(h: SlackHarness, user: string): Promise<Record<string, any>> {
  const before = h.slack.callsTo("views.open").length;
  await h.sendForm(globalShortcut(user, "report_concern"));
  return nextModal(h, before);
}

export const REPORT_TEXT = "My supervisor told me to book the same invoice twice. SECRET-WHAT-4471";

/** A complete, valid report form. */
export function reportValues(overrides: Record<string, InputState> = {}): Record<string, InputState> {
  return {
    what: { type: "plain_text_input", value: REPORT_TEXT },
    when: { type: "plain_text_input", value: "Last Friday SECRET-WHEN" },
    where: { type: "plain_text_input", value: null },
    involved: { type: "multi_users_select", selected_users: [] },
    category: { type: "static_select", selected_option: { value: "harassment_discrimination" } },
    recipient: { type: "static_select", selected_option: { value: "default" } },
    director: { type: "users_select", selected_user: null },
    mode: { type: "radio_buttons", selected_option: { value: "anonymous" } },
    ...overrides,
  };
}

/**
 * Files a report through the form, then runs one worker pass (the receipt, like the handlers'
 * notices, goes through the outbox) and returns the reporter's DM: the receipt (confidential) or
 * the neutral private update (anonymous). The filed form is the returned call's `filed`.
 */
export async function fileThroughSlack(h: SlackHarness & { app: { worker: { tick(): Promise<unknown> } } }, user: string, overrides: Record<string, InputState> = {}): Promise<SlackCall & { filed: Record<string, any> }> {
  const view = await openReportForm(h, user);
  const before = postsTo(h, dm(user)).length;
  const answer = await submit(h, user, view, reportValues(overrides));
  // Filed before the answer: the form itself becomes the confirmation.
  if (answer.body?.response_action !== "update" || answer.body.view?.title?.text !== "Report filed") throw new Error(`report form answered ${JSON.stringify(answer.body)}`);
  const filed = { args: { view: answer.body.view } };
  await h.app.worker.tick();
  await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.channel === dm(user), count: before + 1 });
  return Object.assign(postsTo(h, dm(user))[before]!, { filed: filed!.args.view });
}

/** Clicks a button inside a view the bot opened or filled (`view` as the bot sent it; `viewId` is what Slack gave it). */
export async function clickInView(h: SlackHarness, user: string, view: Record<string, any>, viewId: string, actionId: string, viewType: "modal" | "home" = "modal"): Promise<Response> {
  const button = buttonsOf(view.blocks).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in the view; buttons: ${buttonsOf(view.blocks).map((b) => b.action_id).join(", ")}`);
  return h.sendForm(viewBlockAction({ user, viewId, viewType, button }));
}
