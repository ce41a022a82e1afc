// The example company (directory.example.yaml) in Teams: its people as Teams sends them, each with a 1:1 chat.
import { expect } from "vitest";
import { manualClock } from "../../../src/core/clock.ts";
import { cardAction, cardOf, cardTexts, personalInstall, startTeamsTestApp, type TeamsTestApp } from "../../support/teams.ts";

const DIRECTORY_FILE = new URL("../../../directory.example.yaml", import.meta.url).pathname;
export const REPORTS_ENCRYPTION_KEY = Buffer.alloc(32, 0x5e).toString("base64");

/** People of directory.example.yaml as Teams sends them (from.aadObjectId = their `teams` id). */
export const PEOPLE = {
  dana: { id: "29:1dana", name: "Dana Reyes", aadObjectId: "00000000-0000-0000-0000-00000000000d" },
  marcus: { id: "29:1marcus", name: "Marcus Chen", aadObjectId: "00000000-0000-0000-0000-000000000002" },
  kim: { id: "29:1kim", name: "Kim Nguyen", aadObjectId: "00000000-0000-0000-0000-00000000000a" },
  priya: { id: "29:1priya", name: "Priya Nair", aadObjectId: "00000000-0000-0000-0000-000000000007" },
  jamie: { id: "29:1jamie", name: "Jamie Brooks", aadObjectId: "00000000-0000-0000-0000-00000000000c" },
} as const;
export type Who = keyof typeof PEOPLE;
export const chatOf = (who: Who) => `a:${who}-personal-chat`;

export async function startWithPeople(...installed: Who[]) {
  const clock = manualClock("2026-01-05T09:00:00Z");
  const t = await startTeamsTestApp({ DIRECTORY_FILE, REPORTS_ENCRYPTION_KEY }, { clock, workerIntervalMs: 0 });
  for (const who of installed) await install(t, who);
  return { t, clock };
}

export async function install(t: TeamsTestApp, who: Who) {
  const res = await t.post(personalInstall({ serviceUrl: t.connector.url, from: PEOPLE[who], conversationId: chatOf(who) }));
  expect(res.status).toBe(200);
}

/** Cards the bot posted to someone's 1:1 chat, other than the welcome. */
export function cardsIn(t: TeamsTestApp, who: Who): any[] {
  return t.connector
    .sent(chatOf(who))
    .map((c) => c.body)
    .filter((b) => b?.attachments?.length)
    .map(cardOf)
    .filter((card) => !cardTexts(card)[0]?.startsWith("Hi!"));
}

export const click = (t: TeamsTestApp, who: Who, verb: string, data: unknown, id?: string) =>
  cardAction({ serviceUrl: t.connector.url, from: PEOPLE[who], conversationId: chatOf(who), verb, data, ...(id ? { id } : {}) });

