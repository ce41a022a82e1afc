import { Writable } from "node:stream";
import { startApp, type App, type AppOverrides } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createKeyring } from "../../src/core/crypto/keyring.ts";
import { createLogger } from "../../src/log.ts";
import { freshDatabase } from "./db.ts";

export interface TestApp extends App {
  url: string;
  /** Every log line the app wrote, for assertions such as "no report text in logs". */
  logs: string[];
}

/** The report key tests use (never a key file in ./data). */
export const TEST_REPORTS_KEY = Buffer.alloc(32, 0x5c).toString("base64");

/**
 * Starts the real app on a free port with a fresh database; `env` adds or overrides variables,
 * `overrides` adds startApp overrides (the database is always a fresh one).
 */
export async function startTestApp(env: Record<string, string> = {}, overrides: Omit<AppOverrides, "db" | "database"> = {}): Promise<TestApp> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  // Anonymous reporters' notices go at once unless a test asks for the delay (anonymousNoticeDelay.test.ts).
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "debug", ANONYMOUS_NOTICE_DELAY_MINUTES: "0", ...env });
  const keyring = config.REPORTS_ENCRYPTION_KEY ? undefined : createKeyring(TEST_REPORTS_KEY);
  const app = await startApp(config, createLogger("debug", sink), { ...(keyring ? { keyring } : {}), ...overrides, db: await freshDatabase() });
  return Object.assign(app, { url: `http://127.0.0.1:${app.port}`, logs });
}
