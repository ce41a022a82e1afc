import type { IncomingMessage, ServerResponse } from "node:http";
import type { TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { Logger } from "../../log.ts";
import type { RouteHandler } from "../../server.ts";
import { sendJson } from "../../server.ts";
import { activityEnvelope } from "./activity.ts";
import type { TurnOutcome } from "./turn.ts";

/** Bot Framework activities are small (Teams caps a message at about 28 KB); anything far larger is refused. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface EndpointOptions {
  adapter: TeamsAdapter;
  logger: Logger;
  /** Local mode: no credentials, so no authentication; replies only go to a loopback serviceUrl. */
  localMode: boolean;
  runTurn(context: TurnContext): Promise<TurnOutcome>;
}

class BodyTooLarge extends Error {}

/**
 * POST /api/messages: reads and checks the body (size, JSON, the activity fields relied on), then
 * hands it to CloudAdapter.process, which authenticates the request and runs the turn. What goes
 * back is decided here: 401 for a missing or invalid token, 500 without details for a failed
 * turn, otherwise the adapter's status and invoke response.
 */
export function teamsEndpoint({ adapter, logger, localMode, runTurn }: EndpointOptions): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let raw: string;
    try {
      raw = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: "request body too large" });
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: "body is not valid JSON" });
    }
    const envelope = activityEnvelope.safeParse(json);
    if (!envelope.success) {
      logger.warn({ problems: envelope.error.issues.map((i) => i.path.join(".") || "(body)") }, "teams: not a Bot Framework activity");
      return sendJson(res, 400, { error: "body is not a Bot Framework activity" });
    }
    if (!localMode && !req.headers.authorization) {
      logger.warn({ activityType: envelope.data.type }, "teams: request without a Bot Framework token rejected");
      return sendJson(res, 401, { error: "unauthorized" });
    }
    if (localMode && !isLoopback(envelope.data.serviceUrl)) {
      logger.warn({ activityType: envelope.data.type }, "teams: local mode only replies to a loopback serviceUrl; request refused");
      return sendJson(res, 403, { error: "local mode (no MICROSOFT_APP_ID) only accepts a loopback serviceUrl" });
    }

    const recorded = recordingResponse();
    let outcome: TurnOutcome | undefined;
    await adapter.process({ method: "POST", headers: req.headers, body: envelope.data }, recorded, async (context) => {
      outcome = await runTurn(context);
    });

    if (outcome === undefined) {
      // The turn never started: the adapter refused the request (authentication, or a token it
      // could not validate, which botbuilder reports as 500).
      logger.warn({ activityType: envelope.data.type, status: recorded.statusCode }, "teams: request rejected by Bot Framework authentication");
      return sendJson(res, recorded.statusCode === 400 ? 400 : 401, { error: recorded.statusCode === 400 ? "bad request" : "unauthorized" });
    }
    if (outcome === "failed") return sendJson(res, 500, { error: "internal error" });
    if (recorded.body === undefined) {
      res.writeHead(recorded.statusCode);
      res.end();
      return;
    }
    sendJson(res, recorded.statusCode, recorded.body);
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function isLoopback(serviceUrl: string): boolean {
  const host = new URL(serviceUrl).hostname;
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The minimal response CloudAdapter.process writes to; kept in memory so this endpoint decides what is sent. */
function recordingResponse() {
  const recorded = {
    statusCode: 200,
    body: undefined as unknown,
    socket: null as unknown,
    status(code: number) {
      recorded.statusCode = code;
      return recorded;
    },
    header(_name: string, _value: unknown) {
      return recorded;
    },
    send(body?: unknown) {
      recorded.body = body;
      return recorded;
    },
    end() {
      return recorded;
    },
  };
  return recorded;
}
