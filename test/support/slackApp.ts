import type { AppOverrides } from "../../src/app.ts";
import { startTestApp, type TestApp } from "./app.ts";
import { startFakeSlack, type FakeSlack } from "./fakeSlack.ts";
import { BOT_TOKEN, eventEnvelope, FORM, postSigned, SIGNING_SECRET, type SignedPostOptions } from "./slack.ts";

export interface SlackHarness {
  app: TestApp;
  slack: FakeSlack;
  /** Posts an Events API envelope (JSON), signed. */
  sendEvent(event: Record<string, unknown>, options?: SignedPostOptions & { eventId?: string }): Promise<Response>;
  /** Posts a form body (slash command, `payload=` interactivity), signed. */
  sendForm(body: string, options?: SignedPostOptions): Promise<Response>;
  close(): Promise<void>;
}

/** The real app with the Slack surface on in HTTP mode, its Web API pointed at a fake Slack. */
export async function startSlackApp(env: Record<string, string> = {}, overrides: Omit<AppOverrides, "db" | "database"> = {}): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const app = await startTestApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, ...env }, overrides);
  return {
    app,
    slack,
    sendEvent: (event, { eventId, ...options } = {}) => postSigned(app.url, JSON.stringify(eventEnvelope(event, eventId)), options),
    sendForm: (body, options = {}) => postSigned(app.url, body, { contentType: FORM, ...options }),
    async close() {
      await app.close();
      await slack.close();
    },
  };
}
