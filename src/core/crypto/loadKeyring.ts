import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createKeyring, generateKey, missingKeyring, type Keyring } from "./keyring.ts";

export const KEY_FILE_NAME = "reports-encryption.key";

export interface KeyringSource {
  REPORTS_ENCRYPTION_KEY?: string;
  REPORTS_ENCRYPTION_PREVIOUS_KEYS?: string;
  DATA_DIR: string;
}

interface Warner {
  warn(obj: object, msg: string): void;
}

/**
 * Where the report keys come from (decided here, documented in the README):
 * - REPORTS_ENCRYPTION_KEY set: that key, plus REPORTS_ENCRYPTION_PREVIOUS_KEYS for decryption.
 * - unset on the embedded database: a key file DATA_DIR/reports-encryption.key, generated once
 *   (mode 0600), with a loud warning on every start: it sits next to the data it protects.
 *   The file's first line is the current key, later lines previous keys (`keys rotate --generate`).
 * - unset on PostgreSQL: no key. The bot runs (ask, approve), but filing a report is refused with
 *   a message naming the variable; cases filed earlier cannot be read until the key is back.
 */
export function loadKeyring(source: KeyringSource, databaseKind: "pglite" | "postgres", logger?: Warner): Keyring {
  const previous = splitKeys(source.REPORTS_ENCRYPTION_PREVIOUS_KEYS);
  if (source.REPORTS_ENCRYPTION_KEY) return createKeyring(source.REPORTS_ENCRYPTION_KEY, previous);
  if (databaseKind === "postgres") {
    return missingKeyring("REPORTS_ENCRYPTION_KEY is not set: reports cannot be filed or read on PostgreSQL without it (openssl rand -base64 32)");
  }
  const file = keyFilePath(source.DATA_DIR);
  const created = !existsSync(file);
  if (created) writeKeyFile(file, [generateKey()]);
  const [current, ...older] = readKeyFile(file);
  logger?.warn(
    { keyFile: file, created },
    "REPORTS_ENCRYPTION_KEY is not set: reports are encrypted with a key file generated in DATA_DIR, next to the data it protects. Back it up (losing it loses every report) and set REPORTS_ENCRYPTION_KEY for production.",
  );
  return createKeyring(current!, [...older, ...previous]);
}

export function keyFilePath(dataDir: string): string {
  return join(resolve(dataDir), KEY_FILE_NAME);
}

export function readKeyFile(file: string): string[] {
  const keys = splitKeys(readFileSync(file, "utf8").replace(/\n/g, ","));
  if (!keys.length) throw new Error(`${file} holds no key`);
  return keys;
}

export function writeKeyFile(file: string, keys: string[]): void {
  mkdirSync(resolve(file, ".."), { recursive: true });
  writeFileSync(file, keys.join("\n") + "\n", { mode: 0o600 });
}

function splitKeys(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
}
