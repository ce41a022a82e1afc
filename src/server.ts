import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Logger } from "./log.ts";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  logger: Logger;
  /** Exact paths ("POST /slack/events") to handlers; surfaces mount here. */
  routes: Map<string, RouteHandler>;
  /** Path prefixes ("/console") to handlers for every method and path under them (the web console). */
  mounts?: Map<string, RouteHandler>;
  /** The health check's status code and body (the app's checks the database). */
  health: () => Promise<{ status: number; body: Record<string, unknown> }>;
  /** Readiness (GET /readyz): whether this replica should get traffic now. */
  ready?: () => Promise<{ status: number; body: Record<string, unknown> }>;
  /** Prometheus exposition (GET /metrics); `token`, when set, must come as `Authorization: Bearer <token>`. */
  metrics?: { contentType: string; render: () => Promise<string>; token?: string };
}

const OWN_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** One HTTP server for the health checks, metrics and every surface's endpoint. */
export function createHttpServer({ logger, routes, mounts = new Map(), health, ready, metrics }: HttpServerOptions): Server {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const key = `${req.method} ${path}`;
    try {
      if (key === "GET /healthz") {
        const { status, body } = await health();
        return sendJson(res, status, body);
      }
      if (key === "GET /readyz" && ready) {
        const { status, body } = await ready();
        return sendJson(res, status, body);
      }
      if (key === "GET /metrics" && metrics) {
        if (metrics.token && !bearerMatches(req.headers.authorization, metrics.token)) return sendJson(res, 401, { error: "unauthorized" });
        const text = await metrics.render();
        res.writeHead(200, { "content-type": metrics.contentType });
        return void res.end(text);
      }
      const handler = routes.get(key);
      if (handler) return await handler(req, res);
      for (const [prefix, mounted] of mounts) if (path === prefix || path.startsWith(`${prefix}/`)) return await mounted(req, res);
      sendJson(res, routes.has(`POST ${path}`) || OWN_PATHS.has(path ?? "") ? 405 : 404, { error: "not found" });
    } catch (error) {
      logger.error({ route: key, err: { type: (error as Error)?.name } }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  });
  // Idle connections stay open longer than a load balancer's (60 s by default on the big clouds):
  // were the server to close first, a request sent on the closing connection would be reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
