// The load balancer in front of the replica driver's bots, doing what an operator's balancer does:
// a request goes to the next replica in service. A replica enters service when its GET /readyz
// answers 200 (probed every `probeMs`, an active health check) and leaves it when the connection
// to it is refused or reset (a passive health check: at once), when /readyz answers 503 (starting,
// or draining after SIGTERM) or when `unhealthyAfter` probes in a row get no answer within
// `probeTimeoutMs` (a busy replica answers late, and is not taken out for one slow answer). When
// no replica is in service, requests go to those whose probes only went unanswered (busy, not
// gone), as cloud balancers fail open when every target is unhealthy.
import http from "node:http";

export interface Backend {
  /** Which start of a replica this is (a restarted replica is a new backend). */
  generation: number;
  port: number;
}

/** How an attempt ended other than with an answer: what the balancer or Slack does next depends on it. */
export type ConnectionFailure = "refused" | "reset";

interface Member {
  backend: Backend;
  ready: boolean;
  timer: NodeJS.Timeout;
  probing: boolean;
  /** Probes in a row without an answer. */
  unanswered: number;
  /** Out of service because it answered 503 or its connection was refused or reset (not merely slow). */
  refusing: boolean;
}

const REFUSED = new Set(["ECONNREFUSED"]);
// A reused keep-alive socket to a killed process fails with one of these, as a request cut mid-way does.
const RESET = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** refused / reset when the error says the replica is gone, else undefined (a timeout, say). */
export function connectionFailure(error: unknown): ConnectionFailure | undefined {
  const code = (error as { code?: string } | null)?.code ?? "";
  if (REFUSED.has(code)) return "refused";
  if (RESET.has(code) || (error as Error | null)?.message === "socket hang up") return "reset";
  return undefined;
}

export function createBalancer(options: { probeMs?: number; probeTimeoutMs?: number; unhealthyAfter?: number } = {}) {
  const { probeMs = 250, probeTimeoutMs = 2_000, unhealthyAfter = 3 } = options;
  const members: Member[] = [];
  let turn = 0;

  const probe = (member: Member) => {
    if (member.probing) return;
    member.probing = true;
    const req = http.get({ host: "127.0.0.1", port: member.backend.port, path: "/readyz", agent: false, timeout: probeTimeoutMs }, (res) => {
      res.resume();
      member.probing = false;
      member.unanswered = 0;
      member.ready = res.statusCode === 200;
      member.refusing = !member.ready;
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (error) => {
      member.probing = false;
      const gone = Boolean(connectionFailure(error));
      if (gone) member.refusing = true;
      if (gone || ++member.unanswered >= unhealthyAfter) member.ready = false;
    });
  };

  return {
    /** Starts probing a backend; it gets requests once its /readyz answers 200. */
    add(backend: Backend): void {
      const member: Member = { backend, ready: false, timer: setInterval(() => probe(member), probeMs), probing: false, unanswered: 0, refusing: true };
      probe(member);
      members.push(member);
    },
    /** Stops probing a backend (replaced by its restart). */
    remove(backend: Backend): void {
      const index = members.findIndex((m) => m.backend === backend);
      if (index < 0) return;
      clearInterval(members[index]!.timer);
      members.splice(index, 1);
    },
    /** The connection to it was refused or reset: no more requests until its /readyz says ready again. */
    markDown(backend: Backend): void {
      const member = members.find((m) => m.backend === backend);
      if (member) [member.ready, member.refusing] = [false, true];
    },
    /** The next ready backend in turn (failing open to busy ones when none is), other than those in `tried` when another is ready. */
    pick(tried: ReadonlySet<Backend> = new Set()): Backend | undefined {
      const inService = members.filter((m) => m.ready);
      const ready = inService.length ? inService : members.filter((m) => !m.refusing);
      const fresh = ready.filter((m) => !tried.has(m.backend));
      const from = fresh.length ? fresh : ready;
      if (!from.length) return undefined;
      return from[turn++ % from.length]!.backend;
    },
    /** Resolves once `count` backends are ready (or after `timeoutMs`). */
    async whenReady(count: number, timeoutMs: number): Promise<boolean> {
      for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
        if (members.filter((m) => m.ready).length >= count) return true;
      }
      return false;
    },
    close(): void {
      for (const member of members.splice(0)) clearInterval(member.timer);
    },
  };
}

export type Balancer = ReturnType<typeof createBalancer>;
