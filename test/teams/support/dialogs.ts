// Dialogs and typeaheads in Teams tests: task/fetch and task/submit invokes from someone in the
// example company, the `application/search` invoke of a dynamic typeahead, and a card's inputs.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { BOT, dialogInvoke, TENANT_ID, type TeamsTestApp } from "../../support/teams.ts";
import { chatOf, PEOPLE, type Who } from "./people.ts";

/** Someone as Teams sends them in `from`. */
export type From = { id: string; name: string; aadObjectId: string };

/** Posts an invoke and returns its (200) response body. */
export async function invoke(t: TeamsTestApp, activity: unknown): Promise<any> {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return res.json();
}

/** A dialog invoke from one of the example company (in their 1:1 chat) or from anyone else. */
export const dialog = (t: TeamsTestApp, who: Who | From, name: "task/fetch" | "task/submit", data: Record<string, unknown>) =>
  typeof who === "string"
    ? dialogInvoke({ serviceUrl: t.connector.url, from: PEOPLE[who], conversationId: chatOf(who), name, data })
    : dialogInvoke({ serviceUrl: t.connector.url, from: who, conversationId: `a:${who.name}-chat`, name, data });

/** The invoke Teams sends as someone types in a dynamic typeahead (Input.ChoiceSet with Data.Query), as documented for Data.Query. */
export function searchInvoke(t: TeamsTestApp, from: From, dataset: string, queryText: string, conversationId = `a:${from.id}-chat`) {
  return {
    type: "invoke",
    name: "application/search",
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: t.connector.url,
    from,
    recipient: BOT,
    locale: "en-US",
    localTimezone: "Europe/London",
    conversation: { conversationType: "personal", tenantId: TENANT_ID, id: conversationId },
    value: { queryText, queryOptions: { skip: 0, top: 15 }, dataset },
    channelData: { tenant: { id: TENANT_ID }, source: { name: "message" } },
  };
}

/** Every input of a card (with its value) by id. */
export function inputs(card: any): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (el: any) => {
    if (!el || typeof el !== "object") return;
    if (typeof el.type === "string" && el.type.startsWith("Input.")) out[el.id] = el;
    for (const child of [...(el.body ?? []), ...(el.items ?? [])]) walk(child);
  };
  walk(card);
  return out;
}
