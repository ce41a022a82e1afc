import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";

/** One request the bot made: a Web API method, or a POST to a response_url ("response_url"). */
export interface SlackCall {
  method: string;
  args: Record<string, any>;
  /** The bearer token it was made with (Web API calls). */
  token?: string;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  result?: Record<string, any>;
  /** When it arrived (ms since the epoch). */
  at?: number;
}

export interface FakeUser {
  id: string;
  name: string;
  email: string;
  /** Another workspace's member (Slack Connect); default this workspace. */
  teamId?: string;
  deleted?: boolean;
  /** Multi-channel guest (is_restricted) or single-channel guest (is_ultra_restricted). */
  guest?: "multi" | "single";
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, e.g. http://127.0.0.1:1234/api/ */
  apiUrl: string;
  /** A response_url Slack would put in a command or click payload; posts to it are recorded. */
  responseUrl(name?: string): string;
  calls: SlackCall[];
  /** Calls of one method (e.g. "chat.postMessage"), in order. */
  callsTo(method: string): SlackCall[];
  /** Polls until `count` calls match, or fails after `timeoutMs` naming what it saw. */
  waitFor(method: string, options?: { count?: number; where?: (call: SlackCall) => boolean; timeoutMs?: number }): Promise<SlackCall[]>;
  /** Resolves when no new call has arrived for `quietMs` (to assert that nothing more happens). */
  settle(quietMs?: number): Promise<void>;
  users: Map<string, FakeUser>;
  /** Makes the next `times` calls of `method` fail as Slack would: HTTP 429 with Retry-After, a 5xx, or (status 200) `{ ok: false, error }`. */
  failNext(method: string, failure: { status: number; retryAfterSeconds?: number; error?: string }, times?: number): void;
  /** Messages the bot posted, by `${channel}:${ts}` (conversations.replies answers from these). */
  posted: Map<string, Record<string, any>>;
  close(): Promise<void>;
}

export const BOT_USER_ID = "UBOTCONDUCT";
export const BOT_ID = "BBOTCONDUCT";
export const TEAM_ID = "T0CONDUCT";

/**
 * A local stand-in for the Slack Web API (pointed at through SLACK_API_URL): records every call
 * and answers the way Slack does for the methods the bot uses.
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const users = new Map<string, FakeUser>();
  const posted = new Map<string, Record<string, any>>();
  const threadReplies = new Map<string, Array<Record<string, any>>>();
  const failures: Array<{ method: string; status: number; retryAfterSeconds?: number; error?: string }> = [];
  let lastCallAt = Date.now();
  let tsCounter = 0;
  const nextTs = () => `${1_800_000_000 + ++tsCounter}.${String(tsCounter).padStart(6, "0")}`;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0]!;
    lastCallAt = Date.now();
    if (path.startsWith("/respond/")) {
      calls.push({ method: "response_url", args: { ...JSON.parse(raw || "{}"), _path: path } });
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("ok");
    }
    const method = path.replace(/^\/api\//, "");
    const args = parseArgs(req, raw);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || (args.token as string | undefined);
    const call: SlackCall = { method, args, ...(token ? { token } : {}), at: Date.now() };
    calls.push(call);
    const failure = failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      res.writeHead(f!.status, { "content-type": "application/json", ...(f!.retryAfterSeconds !== undefined ? { "retry-after": String(f!.retryAfterSeconds) } : {}) });
      return res.end(JSON.stringify({ ok: false, error: f!.error ?? (f!.status === 429 ? "ratelimited" : "internal_error") }));
    }
    call.result = answer(method, args);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(call.result));
  });

  function answer(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://conduct-test.slack.com/", team: "Conduct Test", user: "conduct", team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case "chat.postMessage": {
        const ts = nextTs();
        const message = { type: "message", user: BOT_USER_ID, bot_id: BOT_ID, text: args.text, ts, ...(args.blocks ? { blocks: args.blocks } : {}), ...(args.metadata ? { metadata: args.metadata } : {}) };
        if (!args.thread_ts) posted.set(`${args.channel}:${ts}`, message);
        else threadReplies.set(`${args.channel}:${args.thread_ts}`, [...(threadReplies.get(`${args.channel}:${args.thread_ts}`) ?? []), { ...message, thread_ts: args.thread_ts }]);
        return { ok: true, channel: args.channel, ts, message };
      }
      case "conversations.replies": {
        // The thread's first message, then the bot's replies in it. A message the bot did not post
        // (a person's, which events name) is not known here: a bare message stands in for it.
        const parent = posted.get(`${args.channel}:${args.ts}`);
        const replies = threadReplies.get(`${args.channel}:${args.ts}`) ?? [];
        const thread = [parent ?? { type: "message", ts: args.ts }, ...replies].slice(0, Number(args.limit ?? 1000));
        return { ok: true, messages: thread.map(({ metadata, ...rest }) => ({ ...rest, ...(args.include_all_metadata && metadata ? { metadata } : {}) })), has_more: false };
      }
      case "conversations.history": {
        // Newest first, top-level posts only; metadata only when asked for (as Slack does).
        const messages = [...posted.entries()]
          .filter(([key, m]) => key.startsWith(`${args.channel}:`) && (!args.oldest || Number(m.ts) >= Number(args.oldest)))
          .map(([, m]) => m)
          .reverse()
          .map(({ metadata, ...rest }) => ({ ...rest, ...(args.include_all_metadata && metadata ? { metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: nextTs() };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } };
      case "users.info": {
        const user = users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: user.id,
            team_id: user.teamId ?? TEAM_ID,
            name: user.name.toLowerCase().replace(/\s+/g, "."),
            real_name: user.name,
            deleted: user.deleted === true,
            is_bot: false,
            is_restricted: user.guest !== undefined,
            is_ultra_restricted: user.guest === "single",
            profile: { real_name: user.name, display_name: user.name.split(" ")[0], email: user.email },
          },
        };
      }
      case "views.open":
      case "views.push":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: `V${nextTs().replace(".", "")}`, ...(typeof args.view === "object" ? args.view : {}) } };
      default:
        return { ok: true };
    }
  }

  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name = "r1") => `${base}/respond/${name}`,
    calls,
    callsTo,
    users,
    posted,
    failNext(method, failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ method, ...failure });
    },
    // Generous: a wait that is met returns at once; only a missing call waits this long (a loaded CI machine redraws slowly).
    async waitFor(method, { count = 1, where = () => true, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = callsTo(method).filter(where);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} ${method} call(s), saw ${found.length}; all calls: ${calls.map((c) => c.method).join(", ") || "none"}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async settle(quietMs = 300) {
      const start = Date.now();
      while (Date.now() - Math.max(lastCallAt, start) < quietMs) await new Promise((r) => setTimeout(r, 25));
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => done(Buffer.concat(chunks).toString("utf8"))).on("error", fail);
  });
}

/** The Web API client posts form fields, with objects (blocks, view) as JSON strings. */
function parseArgs(req: IncomingMessage, raw: string): Record<string, any> {
  if (!raw) return {};
  if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(raw);
  const fields = parseQuery(raw) as Record<string, string>;
  const args: Record<string, any> = {};
  for (const [key, value] of Object.entries(fields)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
