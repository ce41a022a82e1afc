import type { CaseContext } from "./context.ts";
import { reporterIdOf } from "./sealing.ts";
import { reporterCaseTags } from "./reporterTags.ts";
import type { CaseDb, CaseRow } from "./store.ts";
import type { CaseError, CaseResult } from "./types.ts";

/** The one answer for a case that does not exist and for one the person may not see. */
export const NOT_FOUND = { ok: false, error: "not_found", message: "No such case." } as const;

export const fail = (error: CaseError, message: string, fieldErrors?: Record<string, string>): CaseResult<never> => ({
  ok: false,
  error,
  message,
  ...(fieldErrors ? { fieldErrors } : {}),
});

/** Runs `work` in a transaction on the case, if the actor is one of its current handlers. */
export function asHandler<T>(ctx: CaseContext, actorId: string, number: string, work: (tx: CaseDb, row: CaseRow) => Promise<CaseResult<T>>): Promise<CaseResult<T>> {
  return ctx.store.transaction(async (tx) => {
    const row = await tx.cases.findForHandler(number, actorId);
    return row ? work(tx, row) : NOT_FOUND;
  });
}

/**
 * The reporter's own cases: found by their per-case MAC tags (reporterTags.ts) under every id the
 * person has had (a case filed before a directory merge stays theirs), confirmed by opening the sealed link.
 */
export async function reporterCases(db: CaseDb, ctx: CaseContext, reporterId: string, number?: string, take?: number): Promise<CaseRow[]> {
  if (!ctx.keyring.available) return [];
  const ids = await db.directory.aliasesOf(reporterId);
  const tags = (await Promise.all(ids.map((id) => reporterCaseTags(db, ctx.keyring, id)))).flat();
  const rows = await db.cases.findByReporterTags(tags, number, take);
  return rows.filter((row) => ids.includes(reporterIdOf(ctx.keyring, row) ?? ""));
}

/** Runs `work` in a transaction on the case, if the person is its reporter. */
export function asReporter<T>(ctx: CaseContext, reporterId: string, number: string, work: (tx: CaseDb, row: CaseRow) => Promise<CaseResult<T>>): Promise<CaseResult<T>> {
  return ctx.store.transaction(async (tx) => {
    const [row] = await reporterCases(tx, ctx, reporterId, number);
    return row ? work(tx, row) : NOT_FOUND;
  });
}
