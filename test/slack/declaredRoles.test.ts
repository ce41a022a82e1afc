// Bring your own Code, end to end: another company's Code (Northwind) runs on the rules file
// `conduct rules draft` wrote for it, unedited. Its clause 8.3 needs "the prior approval of your
// department head", a role the draft declares; the directory file says who holds it. A request
// made through Slack (signed HTTP, real Bolt, fake Web API) goes to that person, not up the
// requester's management chain.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { draftYaml } from "../../src/core/policy/draft.ts";
import { parsePolicy } from "../../src/core/policy/parse.ts";
import { ROOT } from "../advice/support.ts";
import { freshDatabase } from "../support/db.ts";
import { imMessage, people, typed } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";
import { buttonsOf, clickForModal, dm, submit, texts } from "./company.ts";

const CODE = resolve(ROOT, "test/fixtures/northwind-code.txt");
const ALEX = "U0ALEX"; // asks; supervised by Sam, who is supervised by Omar
const SAM = "U0SAM";
const OMAR = "U0OMAR";
const PRIYA = "U0PRIYA"; // holds department_head (the role the draft declares for "your department head")

const DIRECTORY = `people:
  - { id: omar, name: Omar Haddad, email: omar@example.com, slack: ${OMAR}, roles: [president] }
  - { id: sam, name: Sam Ortiz, email: sam@example.com, slack: ${SAM}, supervisor: omar }
  - { id: priya, name: Priya Nair, email: priya@example.com, slack: ${PRIYA}, supervisor: omar, roles: [department_head] }
  - { id: alex, name: Alex Romero, email: alex@example.com, slack: ${ALEX}, supervisor: sam }
`;

describe("a role the rules file declares routes to the people the directory file gives it (Slack)", () => {
  const dir = mkdtempSync(join(tmpdir(), "conduct-byoc-"));
  const rulesFile = join(dir, "northwind.rules.yaml");
  const directoryFile = join(dir, "directory.yaml");
  let h: SlackHarness | undefined;
  beforeAll(async () => {
    (await freshDatabase()).close();
    writeFileSync(rulesFile, draftYaml(parsePolicy(readFileSync(CODE, "utf8")), CODE));
    writeFileSync(directoryFile, DIRECTORY);
  });
  afterEach(async () => h?.close());

  it("asks, requests approval under the answer, and the department head gets the request", async () => {
    h = await startSlackApp({ POLICY_FILE: CODE, POLICY_RULES_FILE: rulesFile, DIRECTORY_FILE: directoryFile }, { workerIntervalMs: 0 });
    await h.sendEvent(imMessage(ALEX, "Can I borrow one of the company vehicles for a personal trip at the weekend?"));
    const [answer] = await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.channel === dm(ALEX) });
    expect(texts(answer!)).toMatch(/your department head/);
    const form = await clickForModal(h, ALEX, answer!, "ask.request_approval");
    expect(JSON.stringify(form)).toContain("8.3");
    const sent = await submit(h, ALEX, form, { summary: typed("Borrow a van on Saturday to help my sister move"), involved: people() });
    expect(sent.body).toBeNull();

    const [stored] = await h.app.db.prisma.approvalRequest.findMany();
    expect(stored).toMatchObject({ requesterId: "alex", status: "pending" });
    // The approvers' messages leave through the outbox.
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 });
    const [request] = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === dm(PRIYA));
    expect(request, "the department head's DM").toBeDefined();
    expect(buttonsOf(request!.args.blocks).map((b) => b.text?.text)).toEqual(["Approve", "Decline", "Ask for info"]);
    expect(texts(request!)).toContain("Alex Romero");
    expect(texts(request!)).toMatch(/department head/);
    // Not the requester's supervisor, nor anyone up the chain.
    const posted = h.slack.callsTo("chat.postMessage").map((c) => c.args.channel);
    expect(posted).not.toContain(dm(SAM));
    expect(posted).not.toContain(dm(OMAR));
  });

  it("refuses a directory file that gives someone a role neither built in nor declared", async () => {
    writeFileSync(directoryFile, DIRECTORY.replace("roles: [department_head]", "roles: [deparment_head]"));
    await expect(startSlackApp({ POLICY_FILE: CODE, POLICY_RULES_FILE: rulesFile, DIRECTORY_FILE: directoryFile })).rejects.toThrow(/unknown role "deparment_head" \(roles are: .*department_head/);
    writeFileSync(directoryFile, DIRECTORY);
  });
});
