// Sign-in to the web console through a chat platform: the platform (which already authenticated the
// person) asks for a one-time link; opening it starts a session. No passwords anywhere.
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../clock.ts";
import { appendAudit, type AuditContext } from "../../store/audit.ts";
import { claimSignIn, endSession, findSignIn, insertSession, insertSignIn, pruneSignIns, touchSession } from "../../store/consoleSessions.ts";
import type { PrismaClient } from "../../store/db.ts";

export const SIGN_IN_LINK_MINUTES = 5;
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 8;
const MINUTE = 60_000;

/** 256 random bits, URL-safe. */
const newToken = () => randomBytes(32).toString("base64url");
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface Session {
  personId: string;
  /** Goes with every form; derived from the session token, so it needs no storage and dies with the session. */
  csrfToken: string;
  expiresAt: Date;
}

export type RedeemResult =
  | { ok: true; sessionToken: string; session: Session }
  /** "used": opened before; "expired": too late; "unknown": never issued (or pruned). */
  | { ok: false; reason: "used" | "expired" | "unknown" };

export interface SignInService {
  /** A one-time sign-in token for a person the chat platform identified; valid SIGN_IN_LINK_MINUTES. */
  issue(personId: string): Promise<{ token: string; expiresAt: Date }>;
  /** Opens the link: works once, before it expires; starts a session. */
  redeem(token: string): Promise<RedeemResult>;
  /** The session behind a cookie's token, or null once ended, idle too long or too old; each use extends the idle time. */
  authenticate(sessionToken: string): Promise<Session | null>;
  signOut(sessionToken: string): Promise<void>;
}

export function csrfTokenOf(sessionToken: string): string {
  return createHash("sha256").update(`csrf:${sessionToken}`).digest("base64url");
}

export function createSignInService(deps: { prisma: PrismaClient } & AuditContext): SignInService {
  const { prisma, clock } = deps;
  return {
    async issue(personId) {
      const token = newToken();
      const createdAt = clock.now();
      const expiresAt = new Date(createdAt.getTime() + SIGN_IN_LINK_MINUTES * MINUTE);
      await insertSignIn(prisma, { tokenHash: hashOf(token), personId, createdAt, expiresAt });
      // Each new link clears out links and sessions that ended over a day ago: no schedule needed.
      await pruneSignIns(prisma, new Date(createdAt.getTime() - 24 * 60 * MINUTE));
      return { token, expiresAt };
    },
    async redeem(token) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: "unknown" };
      const now = clock.now();
      const tokenHash = hashOf(token);
      return prisma.$transaction(async (tx) => {
        const personId = await claimSignIn(tx, tokenHash, now);
        if (!personId) {
          const link = await findSignIn(tx, tokenHash);
          return { ok: false as const, reason: !link ? ("unknown" as const) : link.usedAt ? ("used" as const) : ("expired" as const) };
        }
        const sessionToken = newToken();
        const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * 60 * MINUTE);
        await insertSession(tx, { tokenHash: hashOf(sessionToken), personId, createdAt: now, idleUntil: new Date(now.getTime() + SESSION_IDLE_MINUTES * MINUTE), expiresAt });
        await appendAudit(tx, { actor: personId, action: "console.signed_in", subjectType: "person", subjectId: personId }, deps);
        return { ok: true as const, sessionToken, session: { personId, csrfToken: csrfTokenOf(sessionToken), expiresAt } };
      });
    },
    async authenticate(sessionToken) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
      const now = clock.now();
      const row = await touchSession(prisma, hashOf(sessionToken), now, new Date(now.getTime() + SESSION_IDLE_MINUTES * MINUTE));
      return row ? { personId: row.personId, csrfToken: csrfTokenOf(sessionToken), expiresAt: row.expiresAt } : null;
    },
    async signOut(sessionToken) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return;
      const tokenHash = hashOf(sessionToken);
      await prisma.$transaction(async (tx) => {
        const ended = await endSession(tx, tokenHash, clock.now());
        if (ended) await appendAudit(tx, { actor: ended, action: "console.signed_out", subjectType: "person", subjectId: ended }, deps);
      });
    },
  };
}
