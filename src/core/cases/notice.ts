import type { CaseContext } from "./context.ts";
import type { CaseDb } from "./store.ts";

const PURPOSE = "typed-message-notice";

/**
 * Claims the one-time notice "messages you type into this thread stay in the workspace's history"
 * (forms and modals do not). True exactly once per reporter. The flag is keyed by a MAC of the
 * person id, so the table does not list who has reported; a key rotation can show it once more.
 */
export function claimNoticeIn(tx: CaseDb, ctx: CaseContext, reporterId: string): Promise<boolean> {
  const tags = ctx.keyring.macsUnderEveryKey(PURPOSE, reporterId);
  return tx.cases.claimReporterNotice(tags, ctx.keyring.mac(PURPOSE, reporterId), ctx.clock.now());
}
