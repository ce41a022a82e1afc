import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../log.ts";

/**
 * Bolt's and the Web API client's log lines, into our pino logger. Their debug lines print
 * request and response bodies (what people asked), so debug is dropped; the other levels keep
 * strings and error codes only, never objects that could carry message text.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ surface: "slack", source: "bolt" });
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === "string" ? p : p instanceof Error ? `${p.name}${"code" in p ? ` ${String(p.code)}` : ""}` : ""))
      .filter(Boolean)
      .join(" ")
      .slice(0, 300);
  return {
    debug: () => {},
    info: (...parts) => log.info(line(parts)),
    warn: (...parts) => log.warn(line(parts)),
    error: (...parts) => log.error(line(parts)),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}
