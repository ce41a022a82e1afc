import { afterEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { TEST_DATABASE_URL } from "./support/db.ts";

describe("HTTP server", () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it("serves /healthz once migrations ran, naming the database", async () => {
    app = await startTestApp();
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: TEST_DATABASE_URL ? "postgres" : "pglite" });
  });

  it("answers unknown paths with 404 JSON and logs which surfaces are off", async () => {
    app = await startTestApp();
    const res = await fetch(`${app.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
    expect(app.logs.some((l) => l.includes("Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"))).toBe(true);
  });
});
