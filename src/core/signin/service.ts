// Sign-in to the web console through a chat platform: the platform (which already authenticated the
// person) asks for a one-time link; opening it starts a session. No passwords anywhere.
import { createHash, randomBytes } from "node:crypto";
import type { AuditContext, AuditEvent } from "../auditLog.ts";

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

export interface SessionRecord {
  tokenHash: string;
  personId: string;
  createdAt: Date;
  idleUntil: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

/** What one transaction of sign-in does (src/store/consoleSessions.ts). */
export interface SignInTx {
  /** Marks the link used if it is unused and unexpired; the person it was for, or null (a link works once). */
  claimSignIn(tokenHash: string, now: Date): Promise<string | null>;
  findSignIn(tokenHash: string): Promise<{ usedAt: Date | null } | null>;
  insertSession(row: Omit<SessionRecord, "endedAt">): Promise<void>;
  /** Ends a live session; the person whose it was, or null if there was none to end. */
  endSession(tokenHash: string, now: Date): Promise<string | null>;
  audit(event: AuditEvent, context: AuditContext): Promise<void>;
}

/** Only SHA-256 hashes of the tokens are stored, so a copy of the database signs nobody in. */
export interface SignInStore {
  insertSignIn(row: { tokenHash: string; personId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** Removes links and sessions that ended before `before`. */
  pruneSignIns(before: Date): Promise<number>;
  /** The live session, its idle time pushed to `idleUntil`; null if ended, idle or expired. */
  touchSession(tokenHash: string, now: Date, idleUntil: Date): Promise<SessionRecord | null>;
  transaction<T>(work: (tx: SignInTx) => Promise<T>): Promise<T>;
}

export function csrfTokenOf(sessionToken: string): string {
  return createHash("sha256").update(`csrf:${sessionToken}`).digest("base64url");
}

export function createSignInService(deps: { store: SignInStore } & AuditContext): SignInService {
  const { store, clock } = deps;
  return {
    async issue(personId) {
      const token = newToken();
      const createdAt = clock.now();
      const expiresAt = new Date(createdAt.getTime() + SIGN_IN_LINK_MINUTES * MINUTE);
      await store.insertSignIn({ tokenHash: hashOf(token), personId, createdAt, expiresAt });
      // Each new link clears out links and sessions that ended over a day ago: no schedule needed.
      await store.pruneSignIns(new Date(createdAt.getTime() - 24 * 60 * MINUTE));
      return { token, expiresAt };
    },
    async redeem(token) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: "unknown" };
      const now = clock.now();
      const tokenHash = hashOf(token);
      return store.transaction(async (tx) => {
        const personId = await tx.claimSignIn(tokenHash, now);
        if (!personId) {
          const link = await tx.findSignIn(tokenHash);
          return { ok: false as const, reason: !link ? ("unknown" as const) : link.usedAt ? ("used" as const) : ("expired" as const) };
        }
        const sessionToken = newToken();
        const expiresAt = new Date(now.getTime() + SESSION_MAX_HOURS * 60 * MINUTE);
        await tx.insertSession({ tokenHash: hashOf(sessionToken), personId, createdAt: now, idleUntil: new Date(now.getTime() + SESSION_IDLE_MINUTES * MINUTE), expiresAt });
        await tx.audit({ actor: personId, action: "console.signed_in", subjectType: "person", subjectId: personId }, deps);
        return { ok: true as const, sessionToken, session: { personId, csrfToken: csrfTokenOf(sessionToken), expiresAt } };
      });
    },
    async authenticate(sessionToken) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
      const now = clock.now();
      const row = await store.touchSession(hashOf(sessionToken), now, new Date(now.getTime() + SESSION_IDLE_MINUTES * MINUTE));
      return row ? { personId: row.personId, csrfToken: csrfTokenOf(sessionToken), expiresAt: row.expiresAt } : null;
    },
    async signOut(sessionToken) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return;
      const tokenHash = hashOf(sessionToken);
      await store.transaction(async (tx) => {
        const ended = await tx.endSession(tokenHash, clock.now());
        if (ended) await tx.audit({ actor: ended, action: "console.signed_out", subjectType: "person", subjectId: ended }, deps);
      });
    },
  };
}
