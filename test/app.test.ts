import { afterEach, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { TEST_DATABASE_URL } from "./support/db.ts";

describe("HTTP server", () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it("serves /healthz once migrations ran, naming the database", async () => {
    app = await startTestApp();
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("keep-alive")).toBe("timeout=65"); // longer than a load balancer's idle timeout
    expect(await res.json()).toEqual({ status: "ok", db: TEST_DATABASE_URL ? "postgres" : "pglite" });
  });

  it("answers /healthz with 503 while the database fails, without the error in the body or the logs", async () => {
    app = await startTestApp();
    const kind = TEST_DATABASE_URL ? "postgres" : "pglite";
    const failure = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432 SELECT secret"), { name: "DriverAdapterError" });
    const query = vi.spyOn(app.db.prisma, "$queryRaw").mockRejectedValue(failure);
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", db: kind });
    const warn = app.logs.filter((l) => l.includes("health check: database unavailable"));
    expect(warn).toHaveLength(1);
    expect(JSON.parse(warn[0]!)).toMatchObject({ level: 40, err: { type: "DriverAdapterError" } });
    expect(app.logs.join("\n")).not.toContain("ECONNREFUSED");

    query.mockRestore(); // the database is back
    const again = await fetch(`${app.url}/healthz`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ok", db: kind });
  });

  it("answers /healthz with 503 when the database does not answer in time", async () => {
    app = await startTestApp({}, { healthTimeoutMs: 100 });
    vi.spyOn(app.db.prisma, "$queryRaw").mockReturnValue(new Promise(() => {}) as never);
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable" });
    expect(app.logs.some((l) => l.includes("health check: database unavailable") && l.includes('"type":"TimeoutError"'))).toBe(true);
  });

  it("answers unknown paths with 404 JSON and logs which surfaces are off", async () => {
    app = await startTestApp();
    const res = await fetch(`${app.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
    expect(app.logs.some((l) => l.includes("Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET"))).toBe(true);
  });
});
