import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions as http, HTTPResponseAck, type App, type Receiver } from "@slack/bolt";
import type { Logger } from "../../log.ts";
import type { ProcessedEvents } from "../../core/processedEvents.ts";
import { boltLogger } from "./boltLogger.ts";
import { envelopeSchema } from "./payloads.ts";

/** How long a modal submission no listener answered waits before it is closed with an empty 200. */
const UNANSWERED_SUBMISSION_MS = 60_000;

/** How far a request's timestamp may be from now, either way (Slack's own window is 5 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Events, slash commands and interactivity on one URL, for the app's own HTTP server (no
 * second port). Bolt's HTTPReceiver does the same but answers an unknown or malformed payload
 * with a 404 after three seconds; this one uses the same Bolt functions (request verification
 * with the signing secret, body parsing, ack) and answers such payloads 400 at once.
 *
 * A signed request is good for its 5-minute window, so whoever captures one could send it again:
 * each one runs once. Its signature (over timestamp and body) is claimed like an event id; a
 * second delivery of the same bytes is acknowledged and dropped. Events are claimed by their
 * event_id instead (dedupeEvents), which also catches Slack's re-signed retries.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly boltLog;
  private answerFirst: EarlyAnswer | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
    private readonly events: ProcessedEvents,
  ) {
    this.boltLog = boltLogger(logger);
  }

  init(app: App): void {
    this.app = app;
  }

  /** Events this answers itself before acknowledging them (a DM question: answerFirst.ts); the rest go to Bolt. */
  answerBeforeAck(handler: EarlyAnswer): void {
    this.answerFirst = handler;
  }

  /** Nothing to start: `requestListener` is mounted on the app's server. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  readonly requestListener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Bolt refuses timestamps more than 5 minutes old; one far ahead would otherwise never go stale.
    const timestamp = Number(req.headers["x-slack-request-timestamp"]);
    if (Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
      req.resume();
      this.logger.warn({ surface: "slack" }, "rejected a Slack request timestamped in the future");
      return http.buildNoBodyResponse(res, 401);
    }
    let buffered;
    try {
      // Checks X-Slack-Signature over `v0:timestamp:body` and rejects timestamps over 5 minutes old.
      buffered = await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: this.signingSecret, bodyLimit: http.defaultBodyLimit }, req);
    } catch (error) {
      if (http.isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413) return http.buildNoBodyResponse(res, 413);
      this.logger.warn("rejected a request that failed Slack signature verification");
      return http.buildNoBodyResponse(res, 401);
    }

    let body: unknown;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch {
      this.logger.warn("rejected a request whose body is not JSON or form data");
      return http.buildNoBodyResponse(res, 400);
    }
    if ((body as { ssl_check?: unknown } | null)?.ssl_check === "1") return http.buildSSLCheckResponse(res);

    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) {
      this.logger.warn("rejected a payload of a kind Slack does not send");
      return http.buildNoBodyResponse(res, 400);
    }
    const data = envelope.data;
    if ("type" in data && data.type === "url_verification") return http.buildUrlVerificationResponse(res, data);
    if ("type" in data && data.type === "app_rate_limited") return http.buildNoBodyResponse(res, 200);
    if (!("event" in data) && !(await this.firstDelivery(req))) {
      this.logger.warn({ surface: "slack", kind: kindOf(data) }, "dropped a Slack request already handled (the same signed request again)");
      return http.buildNoBodyResponse(res, 200);
    }

    if ("event" in data && this.answerFirst) {
      let early;
      try {
        early = await this.answerFirst(data);
      } catch (error) {
        // Nothing was claimed: Slack retries (here or on another replica).
        this.logger.error({ kind: kindOf(data), err: { type: (error as Error)?.name } }, "Slack request failed");
        return http.buildNoBodyResponse(res, 500);
      }
      if (early) {
        http.buildNoBodyResponse(res, 200);
        return early.after();
      }
    }

    const ack = new HTTPResponseAck({
      logger: this.boltLog,
      processBeforeResponse: false,
      // A modal's answer after Slack's 3 s is moot, but an empty 200 then would tell a reporter
      // whose form is still being filed (slow database) that it was; their form must keep waiting
      // (Slack shows its error and they submit again, which files once) unless a listener answers.
      ...(kindOf(data) === "view_submission" ? { unhandledRequestTimeoutMillis: UNANSWERED_SUBMISSION_MS } : {}),
      // A well-formed payload no listener acknowledged (e.g. a button nobody handles yet).
      unhandledRequestHandler: ({ response }) => {
        this.logger.warn({ kind: kindOf(data) }, "no listener acknowledged a Slack request");
        if (!response.headersSent) http.buildNoBodyResponse(response, 200);
      },
      httpRequest: buffered,
      httpRequestBody: data,
      httpResponse: res,
    });
    try {
      await this.app?.processEvent({
        body: data,
        ack: ack.bind(),
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (error) {
      this.logger.error({ kind: kindOf(data), err: { type: (error as Error)?.name } }, "Slack request failed");
      if (!res.headersSent) http.buildNoBodyResponse(res, 500);
    }
  };

  /** Claims the request's signature: true the first time these exact bytes arrive. */
  private firstDelivery(req: IncomingMessage): Promise<boolean> {
    const signature = String(req.headers["x-slack-signature"] ?? "");
    return this.events.claim([`slack:request:${signature}`]);
  }
}

/** Handles an event before its HTTP acknowledgement; undefined leaves it to Bolt. `after` runs once acknowledged (never throws). */
export type EarlyAnswer = (body: object) => Promise<{ after(): Promise<void> } | undefined>;

/** "event:message", "command", "block_actions", "view_submission"…: what kind of request, never what it says. */
export function kindOf(body: object): string {
  if ("command" in body) return "command";
  if ("event" in body) return `event:${(body.event as { type: string }).type}`;
  return "type" in body ? String(body.type) : "unknown";
}
