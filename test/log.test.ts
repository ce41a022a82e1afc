// Logs: JSON for collectors, readable lines in a terminal (and always in `conduct chat`).
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/log.ts";

const sink = () => {
  const lines: string[] = [];
  return { lines, write: (text: string) => void lines.push(text) };
};

describe("createLogger", () => {
  it("writes one readable line per entry when asked (a TTY), with the fields after the message", () => {
    const out = sink();
    createLogger("info", out, { readable: true }).child({ surface: "slack" }).warn({ reason: "invalid_auth" }, "Slack: NOT working");
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN  Slack: NOT working {2}surface=slack reason=invalid_auth\n$/);
  });

  it("writes JSON to a destination that is not a terminal", () => {
    const out = sink();
    createLogger("info", out).info({ port: 3000 }, "listening");
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ level: 30, msg: "listening", port: 3000, app: "conduct-bot" });
  });
});
