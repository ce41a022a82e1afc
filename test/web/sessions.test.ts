import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { createSignInService, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, SIGN_IN_LINK_MINUTES, type SignInService } from "../../src/core/signin/service.ts";
import { createSignInStore } from "../../src/store/consoleSessions.ts";
import { AUDIT_KEYS } from "../approvals/support.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const MINUTE = 60_000;

describe("web console sessions", () => {
  let db: TestDatabase;
  let clock: ReturnType<typeof manualClock>;
  let signIn: SignInService;
  beforeEach(async () => {
    db = await freshDatabase();
    clock = manualClock("2026-03-02T09:00:00Z");
    signIn = createSignInService({ store: createSignInStore(db.prisma), clock, auditKeys: AUDIT_KEYS });
  });
  afterEach(async () => db?.close());

  async function session(): Promise<string> {
    const { token } = await signIn.issue("priya");
    const redeemed = await signIn.redeem(token);
    if (!redeemed.ok) throw new Error(redeemed.reason);
    return redeemed.sessionToken;
  }

  it("stores only hashes; a link works once and not after its minutes", async () => {
    const { token } = await signIn.issue("priya");
    const dump = JSON.stringify(await db.prisma.consoleSignIn.findMany());
    expect(dump).not.toContain(token);
    const first = await signIn.redeem(token);
    expect(first.ok).toBe(true);
    expect(JSON.stringify(await db.prisma.consoleSession.findMany())).not.toContain(first.ok ? first.sessionToken : "-");
    expect(await signIn.redeem(token)).toEqual({ ok: false, reason: "used" });
    const late = await signIn.issue("priya");
    clock.advance(SIGN_IN_LINK_MINUTES * MINUTE + 1);
    expect(await signIn.redeem(late.token)).toEqual({ ok: false, reason: "expired" });
    expect(await signIn.redeem("A".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await db.prisma.consoleSession.count()).toBe(1);
  });

  it("two concurrent uses of one link open one session", async () => {
    const { token } = await signIn.issue("priya");
    const results = await Promise.all([signIn.redeem(token), signIn.redeem(token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.consoleSession.count()).toBe(1);
  });

  it("ends after the idle time, after the absolute time however active, and at sign-out", async () => {
    const idle = await session();
    clock.advance(SESSION_IDLE_MINUTES * MINUTE - MINUTE);
    expect(await signIn.authenticate(idle)).toMatchObject({ personId: "priya" }); // use extends it
    clock.advance(SESSION_IDLE_MINUTES * MINUTE - MINUTE);
    expect(await signIn.authenticate(idle)).not.toBeNull();
    clock.advance(SESSION_IDLE_MINUTES * MINUTE + 1);
    expect(await signIn.authenticate(idle)).toBeNull();

    const busy = await session();
    for (let t = 0; t < SESSION_MAX_HOURS * 60; t += 20) {
      clock.advance(20 * MINUTE);
      const alive = await signIn.authenticate(busy);
      if (t + 20 < SESSION_MAX_HOURS * 60) expect(alive).not.toBeNull();
      else expect(alive).toBeNull();
    }

    const out = await session();
    await signIn.signOut(out);
    expect(await signIn.authenticate(out)).toBeNull();
    const audit = (await db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(audit).toEqual(["console.signed_in", "console.signed_in", "console.signed_in", "console.signed_out"]);
  });
});
