// The `console` command in Teams: the link comes to the 1:1 chat and opens a session, once.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { personalMessage, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { chatOf, PEOPLE, startWithPeople } from "../teams/support/people.ts";

describe("Web console sign-in from Teams", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("`console` answers in the 1:1 chat with a one-time link that signs the person in once", async () => {
    ({ t } = await startWithPeople("priya"));
    await t.post(personalMessage({ serviceUrl: t.connector.url, from: PEOPLE.priya, conversationId: chatOf("priya"), text: "console" }));
    const texts = t.connector.sent(chatOf("priya")).map((c) => String(c.body?.text ?? ""));
    const link = texts.map((text) => /(http:\/\/localhost:\d+\/console\/signin\/([A-Za-z0-9_-]{43}))/.exec(text)).find(Boolean);
    expect(link, texts.join("\n")).toBeTruthy();
    expect(texts.join("\n")).toContain("It works once, for 5 minutes");

    const token = link![2]!;
    const page = await fetch(`${t.url}/console/signin/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Sign in · Conduct console</title>");
    const signIn = () => fetch(`${t.url}/console/signin`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${token}` });
    const first = await signIn();
    expect(first.status).toBe(303);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^conduct_console=[A-Za-z0-9_-]{43}; Path=\/console; HttpOnly; SameSite=Strict$/); // http: no Secure
    const cases = await fetch(`${t.url}/console/cases`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(cases.status).toBe(200);
    expect(await cases.text()).toContain("Priya Nair");

    const second = await signIn();
    expect(second.status).toBe(410);
    expect(second.headers.get("set-cookie")).toBeNull();
    expect(await second.text()).toContain("already used");
  });
});
