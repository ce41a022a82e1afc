import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createConsoleChat } from "../../src/surfaces/console/index.ts";
import { ROOT, shippedAdvisor } from "./support.ts";

// Asking on the console needs no database: the cores behind /as, /report and /approve are opened
// on first use (test/console/chat.test.ts covers those).
const askOnly = { advisor: shippedAdvisor(), services: () => Promise.reject(new Error("no database in this test")) };

describe("conduct chat: asking", () => {
  it("answers questions, says how to request an approval, and skips blank lines", async () => {
    const said: string[] = [];
    const chat = createConsoleChat(askOnly, (t) => said.push(t));
    expect(await chat.handle("Can we pour wine at the team lunch in the office?")).toBe(true);
    expect(said.pop()).toMatch(/^Needs approval \(an executive officer\)[\s\S]*To ask for this approval, type \/as <id> and then \/request\.$/);
    expect(chat.session.lastAnswer?.topicId).toBeDefined();
    expect(await chat.handle("   ")).toBe(true);
    expect(said).toHaveLength(0);
    expect(await chat.handle("/as u-123")).toBe(true);
    expect(said.pop()).toMatch(/^That did not work/); // the directory is unavailable: told, and the chat goes on
    expect(chat.session.actingAs).toBeUndefined();
    expect(await chat.handle("/quit")).toBe(false);
  });

  it("runs in a terminal session over stdin without opening a database", () => {
    const run = spawnSync(process.execPath, [resolve(ROOT, "bin/conduct.mjs"), "chat"], { cwd: ROOT, encoding: "utf8", input: "Can security search my locker?\n/quit\nnever read\n", timeout: 60_000, env: { ...process.env, DATA_DIR: "/nonexistent/conduct-chat" } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Allowed/);
    expect(run.stdout).toMatch(/Goodbye\./);
  });
});
