import pino from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs. Never pass report text or reporter identity: log ids and counts only. */
export function createLogger(level = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: "conduct-bot" } }, destination);
}
