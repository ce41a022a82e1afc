import pino from "pino";

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** Readable lines instead of JSON; default: when standard output is a terminal. */
  readable?: boolean;
}

/**
 * Structured logs: JSON for log collectors, or one readable line per entry in a terminal. Never
 * pass report text or reporter identity: log ids and counts only.
 */
export function createLogger(level = "info", destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  const readable = options.readable ?? (destination === undefined && process.stdout.isTTY === true);
  const out = readable ? readableLines(destination ?? process.stdout) : destination;
  return pino({ level, base: { app: "conduct-bot" } }, out);
}

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const HIDDEN = new Set(["level", "time", "msg", "app", "pid", "hostname"]);

/** pino's JSON lines as "12:03:04 WARN  message  key=value …" (a small formatter: pino-pretty is a dozen packages). */
export function readableLines(out: { write(text: string): unknown }): pino.DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const time = typeof entry.time === "number" ? new Date(entry.time).toISOString().slice(11, 19) : "";
      const level = (LEVELS[Number(entry.level)] ?? "LOG").padEnd(5);
      const fields = Object.entries(entry)
        .filter(([key]) => !HIDDEN.has(key))
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
      out.write(`${time} ${level} ${String(entry.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}\n`);
    },
  };
}
