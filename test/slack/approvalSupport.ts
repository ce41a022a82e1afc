// Helpers for the Slack approval tests: requests made through the "Request approval" button,
// App Home opened and clicked the way Slack sends it.
import { TEAM_ID } from "../support/fakeSlack.ts";
import type { SlackCall } from "../support/fakeSlack.ts";
import { blockAction, newTs, people, typed, type InputState } from "../support/slack.ts";
import type { SlackHarness } from "../support/slackApp.ts";
import { buttonsOf, dm, nextModal, nextUpdate, submit, texts, type Button } from "./company.ts";

/**
 * Clicks "Request approval" under an answer (the button carries the rules-file topic), fills the
 * form and sends it; resolves once the requester's copy is posted. Returns the form's answer.
 */
export async function requestThroughSlack(h: SlackHarness, user: string, topicId: string, values: Record<string, InputState>): Promise<{ body: any }> {
  const before = h.slack.callsTo("views.open").length;
  await h.sendForm(
    blockAction({
      user,
      channel: dm(user),
      messageTs: newTs(),
      button: { action_id: "ask.request_approval", value: topicId },
      responseUrl: h.slack.responseUrl("answer"),
    }),
  );
  const form = await nextModal(h, before);
  const copies = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === dm(user) && texts(c).includes("Sent.")).length;
  const sent = await submit(h, user, form, { summary: typed(null), involved: people(), ...values });
  if (!sent.body) await h.slack.waitFor("chat.postMessage", { count: copies + 1, where: (c) => c.args.channel === dm(user) && texts(c).includes("Sent.") });
  return { body: sent.body };
}

/** Opens App Home (app_home_opened) and returns the view published for the user. */
export async function openHome(h: SlackHarness, user: string): Promise<{ blocks: any[] }> {
  const before = publishesFor(h, user).length;
  await h.sendEvent({ type: "app_home_opened", user, channel: dm(user), tab: "home", event_ts: newTs() });
  await h.slack.waitFor("views.publish", { count: before + 1, where: (c) => c.args.user_id === user });
  return publishesFor(h, user)[before]!.args.view;
}

/** The views.publish calls made for one user, in order. */
export const publishesFor = (h: SlackHarness, user: string): SlackCall[] => h.slack.callsTo("views.publish").filter((c) => c.args.user_id === user);

/** The blocks under one App Home header, up to the next header. */
export function homeSection(view: { blocks: any[] }, title: string): any[] {
  const start = view.blocks.findIndex((b) => b.type === "header" && b.text.text === title);
  if (start < 0) throw new Error(`no "${title}" section in App Home`);
  const end = view.blocks.findIndex((b, i) => i > start && b.type === "header");
  return view.blocks.slice(start + 1, end < 0 ? undefined : end);
}

/** A click on a button in the person's App Home tab (the container is the Home view, not a message). */
export async function clickInHome(h: SlackHarness, user: string, home: { blocks: any[] }, match: (b: Button) => boolean): Promise<Response> {
  const button = buttonsOf(home.blocks).find(match);
  if (!button) throw new Error(`no such button in App Home; buttons: ${buttonsOf(home.blocks).map((b) => b.action_id).join(", ")}`);
  const payload = {
    type: "block_actions",
    user: { id: user, username: "someone", name: "someone", team_id: TEAM_ID },
    api_app_id: "A0CONDUCT",
    token: "9s8d9as89d8as9d8as989",
    container: { type: "view", view_id: "V0HOME" },
    trigger_id: `13345224609.738474920.${Date.now()}`,
    team: { id: TEAM_ID, domain: "conduct-test" },
    enterprise: null,
    is_enterprise_install: false,
    view: { id: "V0HOME", type: "home", blocks: home.blocks, private_metadata: "", callback_id: "", state: { values: {} }, hash: "1712345678.home", app_id: "A0CONDUCT", team_id: TEAM_ID },
    actions: [{ type: "button", action_id: button.action_id, block_id: "home", text: { type: "plain_text", text: "button", emoji: true }, value: button.value, action_ts: `${Math.floor(Date.now() / 1000)}.000100` }],
  };
  return h.sendForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
}

/** Clicks a Home button that opens a loading modal and fills it (views.update); returns the filled modal. */
export async function clickInHomeForFilledModal(h: SlackHarness, user: string, home: { blocks: any[] }, match: (b: Button) => boolean): Promise<Record<string, any>> {
  const before = h.slack.callsTo("views.update").length;
  await clickInHome(h, user, home, match);
  return nextUpdate(h, before);
}

/** Clicks a Home button that opens a modal at once (views.open); returns it. */
export async function clickInHomeForModal(h: SlackHarness, user: string, home: { blocks: any[] }, match: (b: Button) => boolean): Promise<Record<string, any>> {
  const before = h.slack.callsTo("views.open").length;
  await clickInHome(h, user, home, match);
  return nextModal(h, before);
}
