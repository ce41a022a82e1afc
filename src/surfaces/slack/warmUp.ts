import { createHmac } from "node:crypto";
import http from "node:http";
import type { Answer } from "../../core/advice/index.ts";
import { renderAnswer } from "./render/answer.ts";

/** Requests through the receiver: a few hundred for V8 to compile its path (verification, parsing) before real ones come. */
const REQUESTS = 200;
const AT_ONCE = 10;

/**
 * The Slack surface's hot path, run before the replica says ready: its answers rendered, and
 * signed URL-verification requests (answered with their challenge; nothing stored or posted) sent
 * through this replica's own HTTP server and receiver, which verify the signature and parse the
 * body as for an event.
 */
export function slackWarmUp(eventsUrl: string, signingSecret: string) {
  return async (answers: readonly Answer[]): Promise<void> => {
    for (const answer of answers) renderAnswer(answer);
    const agent = new http.Agent({ keepAlive: true, maxSockets: AT_ONCE });
    try {
      for (let sent = 0; sent < REQUESTS; sent += AT_ONCE) {
        await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => verification(eventsUrl, signingSecret, agent, `warm-up-${sent + i}`)));
      }
    } finally {
      agent.destroy();
    }
  };
}

function verification(url: string, signingSecret: string, agent: http.Agent, challenge: string): Promise<void> {
  const body = JSON.stringify({ type: "url_verification", token: "warm-up", challenge });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return new Promise((done, fail) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-slack-request-timestamp": timestamp, "x-slack-signature": signature } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? done() : fail(new Error(`warm-up request answered ${res.statusCode}`))));
    });
    req.on("error", fail);
    req.end(body);
  });
}
