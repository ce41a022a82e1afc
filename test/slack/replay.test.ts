// A signed Slack request captured on the wire (a proxy log, a browser extension) replayed at
// POST /slack/events: it must not run again, and a timestamp in the future must not buy time.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { FORM, imMessage, eventEnvelope, postSigned, typed, viewSubmission } from "../support/slack.ts";
import { clickForModal, dm, fileThroughSlack, newViewId, postsTo, startCompany, type Company } from "./company.ts";

const ALEX = "U0ALEX";
const PRIYA = "U0PRIYA";

describe("Slack: replayed and future-dated requests", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("adds a case note once however often the same signed submission is sent again, with or without a retry header", async () => {
    await fileThroughSlack(h, ALEX);
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm(PRIYA));
    const form = await clickForModal(h, PRIYA, assigned!, "case.add_note");
    const body = viewSubmission({ user: PRIYA, viewId: newViewId(), view: form, values: { text: typed("Spoke to payroll. NOTE-ONCE") } });
    const timestamp = Math.floor(Date.now() / 1000);
    const send = (headers: Record<string, string> = {}) => postSigned(h.app.url, body, { contentType: FORM, timestamp, headers });

    expect((await send()).status).toBe(200);
    const replays: Array<Record<string, string>> = [{}, {}, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" }];
    for (const headers of replays) {
      const again = await send(headers);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(""); // acknowledged, nothing done
    }
    await h.slack.settle();
    const notes = await h.app.db.prisma.caseMessage.findMany({ where: { kind: "note" } });
    expect(notes).toHaveLength(1);
    expect(h.app.logs.filter((l) => l.includes("already handled (the same signed request again)"))).toHaveLength(3);
  });

  it("refuses a request timestamped more than 5 minutes ahead, which would otherwise stay replayable for as long", async () => {
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await postSigned(h.app.url, JSON.stringify(eventEnvelope(imMessage(ALEX, "Can I accept a gift?"))), { timestamp: future });
    expect(res.status).toBe(401);
    const soon = await postSigned(h.app.url, JSON.stringify(eventEnvelope(imMessage(ALEX, "Can I accept a gift?"))), { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(soon.status).toBe(200); // a clock a minute fast is fine
    await h.slack.waitFor("chat.postMessage");
    await h.slack.settle();
    expect(postsTo(h, dm(ALEX))).toHaveLength(1);
    expect(h.app.logs.some((l) => l.includes("timestamped in the future"))).toBe(true);
  });
});
