import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CHAT_COMMANDS, createChat } from "../../src/cli/chat.ts";
import { ROOT, shippedAdvisor } from "./support.ts";

describe("conduct chat", () => {
  it("answers questions and runs slash commands from one table", () => {
    const said: string[] = [];
    const chat = createChat(shippedAdvisor(), (t) => said.push(t));
    expect(chat.handle("Can we pour wine at the team lunch in the office?")).toBe(true);
    expect(said.pop()).toMatch(/^Needs approval \(an executive officer\)/);
    expect(chat.handle("   ")).toBe(true);
    expect(said).toHaveLength(0);
    expect(chat.handle("/as u-123")).toBe(true);
    expect(chat.session.actingAs).toBe("u-123");
    expect(chat.handle("/frobnicate")).toBe(true);
    expect(said.pop()).toMatch(/Unknown command frobnicate/);
    expect(chat.handle("/help")).toBe(true);
    for (const command of Object.values(CHAT_COMMANDS)) expect(said.at(-1)).toContain(command.usage);
    expect(chat.handle("/quit")).toBe(false);
  });

  it("runs in a terminal session over stdin", () => {
    const run = spawnSync(process.execPath, [resolve(ROOT, "bin/conduct.mjs"), "chat"], { cwd: ROOT, encoding: "utf8", input: "Can security search my locker?\n/quit\nnever read\n", timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Allowed/);
    expect(run.stdout).toMatch(/Goodbye\./);
  });
});
