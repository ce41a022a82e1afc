import type { IncomingMessage, ServerResponse } from "node:http";
import { ActivityTypes, type TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { Logger } from "../../log.ts";
import type { RouteHandler } from "../../server.ts";
import { sendJson } from "../../server.ts";
import { activityEnvelope, tenantsOf } from "./activity.ts";
import { MESSAGES } from "./cards/messages.ts";
import { isLoopbackHost, type ServiceUrlCheck } from "./serviceHosts.ts";
import { answer, type TurnOutcome } from "./turn.ts";

/** Bot Framework activities are small (Teams caps a message at about 28 KB); anything far larger is refused. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface EndpointOptions {
  adapter: TeamsAdapter;
  logger: Logger;
  /**
   * Local mode (TEAMS_LOCAL_MODE, no credentials): no authentication, so only a client on this
   * machine is served: the socket's address is loopback and no proxy forwarded the request.
   */
  localMode: boolean;
  /** Where replies may go: the activity's serviceUrl must pass (TEAMS_SERVICE_HOSTS; loopback in local mode). */
  serviceUrlAllowed: ServiceUrlCheck;
  /** The tenants served (MICROSOFT_APP_TENANT_ID, MICROSOFT_ALLOWED_TENANTS); empty = not checked (local mode only). */
  tenants: ReadonlySet<string>;
  runTurn(context: TurnContext): Promise<TurnOutcome>;
}

class BodyTooLarge extends Error {}

/**
 * POST /api/messages: reads and checks the body (size, JSON, the activity fields relied on), then
 * hands it to CloudAdapter.process, which authenticates the request and runs the turn. What goes
 * back is decided here: 401 for a missing or invalid token, 500 without details for a failed
 * turn, otherwise the adapter's status and invoke response.
 */
export function teamsEndpoint({ adapter, logger, localMode, serviceUrlAllowed, tenants, runTurn }: EndpointOptions): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (localMode && !fromThisMachine(req)) {
      req.resume();
      logger.warn("teams: local mode serves only clients on this machine; request from elsewhere refused");
      return sendJson(res, 403, { error: "forbidden" });
    }
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
    if (!serviceUrlAllowed(envelope.data.serviceUrl)) {
      logger.warn({ activityType: envelope.data.type }, "teams: serviceUrl is not an allowed Bot Framework service (TEAMS_SERVICE_HOSTS); request refused");
      return sendJson(res, 403, { error: localMode ? "local mode only accepts a loopback serviceUrl" : "serviceUrl not allowed" });
    }

    const recorded = recordingResponse();
    let outcome: TurnOutcome | undefined;
    await adapter.process({ method: "POST", headers: req.headers, body: envelope.data }, recorded, async (context) => {
      // Authenticated by now (a token for this bot and this serviceUrl); the tenant is in the activity.
      const theirs = tenantsOf(context.activity);
      if (tenants.size && (!theirs.length || !theirs.every((tenant) => tenants.has(tenant)))) {
        logger.warn({ activityType: context.activity.type, tenants: theirs }, "teams: activity from a tenant this bot does not serve refused");
        outcome = "refused";
        // Card actions and dialogs are told why in the HTTP answer; a typed message gets no reply, which
        // would be a call into the other organisation's conversation.
        if (context.activity.type === ActivityTypes.Invoke) await answer(context, MESSAGES.otherOrganisation);
        return;
      }
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

/** A direct connection from this machine: a reverse proxy on it would make every client look local. */
function fromThisMachine(req: IncomingMessage): boolean {
  const forwarded = req.headers.forwarded ?? req.headers["x-forwarded-for"] ?? req.headers["x-real-ip"];
  return forwarded === undefined && isLoopbackHost(req.socket.remoteAddress ?? "");
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
