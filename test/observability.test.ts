// /readyz and /metrics as an operator's probe and Prometheus see them: plain HTTP against the real app.
import { afterEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { imMessage } from "./support/slack.ts";
import { startCompany, type Company } from "./slack/company.ts";
import { startSlackApp } from "./support/slackApp.ts";

const REPORT = { what: "Cash was taken from the petty cash box. SECRET-METRICS", category: "company_property", mode: "anonymous" };

/** One sample's value from the exposition text, e.g. sample(text, 'conduct_events_total{surface="slack",kind="event:message"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /readyz", () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it("is ready once migrated, the directory imported and the surfaces started; not ready once stopping", async () => {
    app = await startTestApp({ DIRECTORY_FILE: "directory.example.yaml" });
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", migrated: true, directory: "imported", surfaces: "started", database: "ok" });
    expect((await fetch(`${app.url}/readyz`, { method: "POST" })).status).toBe(405);

    // Draining: close() starts; readiness fails at once while in-flight work finishes.
    const closing = app.close();
    const during = await fetch(`${app.url}/readyz`).catch(() => undefined);
    if (during) {
      expect(during.status).toBe(503);
      expect(await during.json()).toMatchObject({ status: "stopping" });
    }
    await closing;
    app = undefined;
  });

  it("drains for SHUTDOWN_DRAIN_SECONDS after close() begins: not ready, and still serving requests", async () => {
    const h = await startSlackApp({ SHUTDOWN_DRAIN_SECONDS: "1" });
    try {
      const began = Date.now();
      const closing = h.app.close();
      const readiness = await fetch(`${h.app.url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(await readiness.json()).toMatchObject({ status: "stopping" });
      // A question that arrives while the balancer has not yet seen the 503 is answered.
      expect((await h.sendEvent(imMessage("U0ALEX", "Can I accept a gift from a supplier?"))).status).toBe(200);
      await h.slack.waitFor("chat.postMessage");
      await closing;
      expect(Date.now() - began).toBeGreaterThanOrEqual(1_000);
    } finally {
      await h.slack.close();
    }
  });

  it("warms up before it is ready, without counting its own warm-up requests as acknowledgements", async () => {
    const h = await startSlackApp({}, { warmUp: true });
    try {
      expect(h.app.logs.some((line) => line.includes('"msg":"warmed up"'))).toBe(true);
      expect((await fetch(`${h.app.url}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${h.app.url}/metrics`)).text();
      expect(sample(metrics, 'conduct_ack_duration_seconds_count{surface="slack"}') ?? 0).toBe(0);
      expect((await h.sendEvent(imMessage("U0ALEX", "Can I accept a gift from a supplier?"))).status).toBe(200);
      const after = await (await fetch(`${h.app.url}/metrics`)).text();
      expect(sample(after, 'conduct_ack_duration_seconds_count{surface="slack"}')).toBe(1);
    } finally {
      await h.close();
    }
  });

  it("is not ready while the database fails (liveness /healthz says the same, separately)", async () => {
    app = await startTestApp();
    const { prisma } = app.db;
    const original = prisma.$queryRaw.bind(prisma);
    (prisma as { $queryRaw: unknown }).$queryRaw = () => Promise.reject(new Error("connection refused"));
    try {
      const res = await fetch(`${app.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable", database: "unavailable", directory: "not configured" });
    } finally {
      (prisma as { $queryRaw: unknown }).$queryRaw = original;
    }
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});

describe("GET /metrics", () => {
  let h: Company | undefined;
  afterEach(async () => h?.close());

  it("counts events by surface and kind, acks, verdicts, outbox and retries, without a person, a case or text", async () => {
    h = await startCompany();
    // A question in a DM, signed as Slack sends it.
    expect((await h.sendEvent(imMessage("U0ALEX", "Can I accept a gift from a supplier who wants our business?"))).status).toBe(200);
    await h.slack.waitFor("chat.postMessage");
    // A report: the handler's notice waits in the outbox, then Slack fails its first delivery.
    expect((await h.app.cases.fileReport("alex", REPORT)).ok).toBe(true);
    h.clock.advance(90_000);

    let text = await (await fetch(`${h.app.url}/metrics`)).text();
    expect(sample(text, 'conduct_events_total{surface="slack",kind="event:message"}')).toBe(1);
    expect(sample(text, 'conduct_ack_duration_seconds_count{surface="slack"}')).toBe(1);
    expect(sample(text, 'conduct_answers_total{verdict="needs_approval"}')).toBe(1);
    expect(sample(text, 'conduct_outbox_messages{status="pending"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'conduct_outbox_messages{status="failed"}')).toBe(0);
    expect(sample(text, "conduct_outbox_oldest_pending_age_seconds")).toBe(90);
    expect(sample(text, "conduct_jobs_due")).toBeGreaterThanOrEqual(0);
    expect(text).toContain("conduct_process_resident_memory_bytes");

    h.slack.failNext("conversations.open", { status: 503 });
    await h.app.worker.tick();
    text = await (await fetch(`${h.app.url}/metrics`)).text();
    expect(sample(text, 'conduct_outbox_deliveries_total{outcome="retried"}')).toBe(1);

    h.clock.advance(60_000);
    await h.app.worker.tick();
    text = await (await fetch(`${h.app.url}/metrics`)).text();
    expect(sample(text, 'conduct_outbox_deliveries_total{outcome="sent"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'conduct_outbox_messages{status="pending"}')).toBe(0);
    expect(sample(text, "conduct_outbox_oldest_pending_age_seconds")).toBe(0);

    // No label value names a person, a case, a channel or what anyone wrote.
    for (const secret of ["U0ALEX", "alex", "priya", "C-2026", "D0ALEX", "SECRET-METRICS", "gift", "supplier"]) expect(text).not.toContain(secret);
  });

  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    const app = await startTestApp({ METRICS_TOKEN: "s3cret-scrape-token" });
    try {
      expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      const res = await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer s3cret-scrape-token" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    } finally {
      await app.close();
    }
  });
});
