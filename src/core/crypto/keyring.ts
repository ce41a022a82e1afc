import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The keys that protect reports at rest: the current key encrypts, every key (current and
 * previous) decrypts, so keys can rotate (`conduct keys rotate` re-encrypts under the current one).
 *
 * Sealed text is "v1.<key id>.<iv>.<tag>.<ciphertext>" (AES-256-GCM, base64url parts). The key id
 * is the first 8 hex digits of SHA-256 of the key: it names a key without revealing it. Each
 * sealed value is bound to where it belongs (`aad`, e.g. "case:<id>:content"), so a ciphertext
 * copied into another row or column does not decrypt.
 */
export interface Keyring {
  /** False when no key is configured (PostgreSQL without REPORTS_ENCRYPTION_KEY): filing is refused. */
  readonly available: boolean;
  readonly currentId: string;
  readonly ids: readonly string[];
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
  /** The id of the key that sealed a value. */
  keyIdOf(sealed: string): string;
  /** HMAC-SHA256 under a per-purpose subkey of the current (or the named) key: "<key id>:<hex>". */
  mac(purpose: string, data: string, keyId?: string): string;
  /** The MAC under every key, to look up values tagged before a rotation. */
  macsUnderEveryKey(purpose: string, data: string): string[];
  /** Constant-time check of a MAC made by `mac`; false if its key is no longer in the ring. */
  verifyMac(purpose: string, data: string, macValue: string): boolean;
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

const VERSION = "v1";
const b64url = (b: Buffer) => b.toString("base64url");

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** A key from base64 (`openssl rand -base64 32`). */
export function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new KeyringError("an encryption key must be 32 bytes in base64 (openssl rand -base64 32)");
  return key;
}

export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

/** A keyring from the current key and any previous keys (base64). */
export function createKeyring(current: string, previous: readonly string[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  const currentKey = decodeKey(current);
  const currentId = keyIdOf(currentKey);
  keys.set(currentId, currentKey);
  for (const p of previous) {
    const key = decodeKey(p);
    if (!keys.has(keyIdOf(key))) keys.set(keyIdOf(key), key);
  }
  const subkeys = new Map<string, Buffer>();
  const subkey = (keyId: string, purpose: string): Buffer => {
    const name = `${keyId}:${purpose}`;
    let k = subkeys.get(name);
    if (!k) {
      const key = keys.get(keyId);
      if (!key) throw new KeyringError(`key ${keyId} is not in the keyring`);
      k = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `conduct-bot:${purpose}`, 32));
      subkeys.set(name, k);
    }
    return k;
  };
  const mac = (purpose: string, data: string, keyId = currentId) =>
    `${keyId}:${createHmac("sha256", subkey(keyId, purpose)).update(data, "utf8").digest("hex")}`;

  return {
    available: true,
    currentId,
    ids: [...keys.keys()],
    seal(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", subkey(currentId, "seal"), iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, currentId, b64url(iv), b64url(cipher.getAuthTag()), b64url(data)].join(".");
    },
    open(sealed, aad) {
      const parts = sealed.split(".");
      if (parts.length !== 5 || parts[0] !== VERSION) throw new KeyringError("not a sealed value");
      const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
      const decipher = createDecipheriv("aes-256-gcm", subkey(keyId, "seal"), Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(aad, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new KeyringError("a sealed value failed authentication (wrong key, or altered or moved)");
      }
    },
    keyIdOf(sealed) {
      return sealed.split(".")[1] ?? "";
    },
    mac,
    macsUnderEveryKey: (purpose, data) => [...keys.keys()].map((id) => mac(purpose, data, id)),
    verifyMac(purpose, data, macValue) {
      const keyId = macValue.split(":")[0] ?? "";
      if (!keys.has(keyId)) return false;
      const expected = Buffer.from(mac(purpose, data, keyId));
      const given = Buffer.from(macValue);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

/** A keyring with no key: anything that needs one throws, and `available` is false. */
export function missingKeyring(reason: string): Keyring {
  const fail = (): never => {
    throw new KeyringError(reason);
  };
  return { available: false, currentId: "", ids: [], seal: fail, open: fail, keyIdOf: () => "", mac: fail, macsUnderEveryKey: fail, verifyMac: () => false };
}
