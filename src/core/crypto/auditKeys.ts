import { createKeyring, type Keyring } from "./keyring.ts";
import { loadKeyring, type KeyringSource } from "./loadKeyring.ts";

/**
 * The keys that seal the audit chain (src/store/audit.ts): each entry carries an HMAC of its
 * hash, so someone who can write to the database but has no key cannot edit, delete or re-chain
 * entries unseen. Where the key comes from (decided here, documented in the README):
 * - AUDIT_KEY set: that key. Report keys remain verification keys for entries sealed before it.
 * - otherwise the report keys (REPORTS_ENCRYPTION_KEY, or the key file in DATA_DIR), under a
 *   subkey of their own: a report key rotated away must stay a previous key to verify old entries.
 * - neither (PostgreSQL without keys): entries are only hash-chained, and verify says so.
 */
export type AuditKeys = Pick<Keyring, "available" | "ids" | "mac" | "verifyMac">;

export const AUDIT_PURPOSE = "audit-chain";

export function auditKeysFrom(auditKey: string | undefined, reportKeys: Keyring): AuditKeys {
  if (!auditKey) return reportKeys;
  const own = createKeyring(auditKey);
  return {
    available: true,
    ids: [...new Set([...own.ids, ...(reportKeys.available ? reportKeys.ids : [])])],
    mac: own.mac,
    verifyMac: (purpose, data, mac) => own.verifyMac(purpose, data, mac) || reportKeys.verifyMac(purpose, data, mac),
  };
}

/** For a command that has no report keyring of its own yet: the report keys as loadKeyring finds them. */
export function loadAuditKeys(source: KeyringSource & { AUDIT_KEY?: string }, databaseKind: "pglite" | "postgres"): AuditKeys {
  return auditKeysFrom(source.AUDIT_KEY, loadKeyring(source, databaseKind));
}
