import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RouteHandler } from "./server.ts";
import type { PrismaClient } from "./store/generated/client.ts";

/**
 * The bot's Prometheus metrics, one registry per app (tests run several apps in one process).
 * Labels are closed sets chosen here (surface, kind, verdict, outcome): never a person, a case,
 * a channel or any text a user typed.
 */
export interface Metrics {
  registry: Registry;
  /** An incoming request a surface accepted (signed/authenticated), by its kind ("event:message", "view_submission", "invoke"…). */
  event(surface: "slack" | "teams", kind: string): void;
  /** How long a surface's endpoint took to answer (the acknowledgement Slack and Teams wait for). */
  ack(surface: "slack" | "teams", seconds: number): void;
  /** An answer the advisor gave, by verdict. */
  answer(verdict: string): void;
  /** One outbox delivery attempt's outcome. */
  delivery(outcome: "sent" | "retried" | "failed"): void;
}

// A signed Slack request names its own event type: anything unexpected is counted as "other", so a
// label's values stay a short, fixed list.
const KIND = /^(event:)?[a-z_]{1,40}$/;

export function createMetrics(prisma: PrismaClient, clock: { now(): Date } = { now: () => new Date() }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "conduct_" });
  const events = new Counter({ name: "conduct_events_total", help: "Requests accepted from a chat platform, by surface and kind", labelNames: ["surface", "kind"], registers: [registry] });
  const acks = new Histogram({
    name: "conduct_ack_duration_seconds",
    help: "Time to acknowledge a chat platform's request (Slack allows 3 s)",
    labelNames: ["surface"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const answers = new Counter({ name: "conduct_answers_total", help: "Answers to questions, by verdict", labelNames: ["verdict"], registers: [registry] });
  const deliveries = new Counter({ name: "conduct_outbox_deliveries_total", help: "Outbox delivery attempts by outcome (retried = failed this time, tried again later)", labelNames: ["outcome"], registers: [registry] });

  // Read from the database when scraped: every replica reports the shared queue.
  new Gauge({
    name: "conduct_outbox_messages",
    help: "Outbox messages by status (pending = not yet delivered, failed = gave up; see `conduct outbox failed`)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await prisma.outboxMessage.groupBy({ by: ["status"], where: { status: { in: ["pending", "failed"] } }, _count: { _all: true } });
      this.reset();
      for (const status of ["pending", "failed"]) this.set({ status }, rows.find((r) => r.status === status)?._count._all ?? 0);
    },
  });
  new Gauge({
    name: "conduct_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest undelivered outbox message (0 when none)",
    registers: [registry],
    async collect() {
      const oldest = await prisma.outboxMessage.findFirst({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      this.set(oldest ? Math.max(0, (clock.now().getTime() - oldest.createdAt.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: "conduct_jobs_due",
    help: "Persisted timers (reminders, deadlines, escalations) due and not yet run",
    registers: [registry],
    async collect() {
      this.set(await prisma.job.count({ where: { status: "pending", runAt: { lte: clock.now() } } }));
    },
  });

  return {
    registry,
    event: (surface, kind) => events.inc({ surface, kind: KIND.test(kind) ? kind : "other" }),
    ack: (surface, seconds) => acks.observe({ surface }, seconds),
    answer: (verdict) => answers.inc({ verdict }),
    delivery: (outcome) => deliveries.inc({ outcome }),
  };
}

/** Wraps a surface's endpoint to time its answer, up to the last byte sent; not while `counts()` is false (the warm-up's own requests). */
export function timedRoute(metrics: Metrics, surface: "slack" | "teams", handler: RouteHandler, counts: () => boolean = () => true): RouteHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    if (counts()) res.once("finish", () => metrics.ack(surface, Number(process.hrtime.bigint() - started) / 1e9));
    return handler(req, res);
  };
}
