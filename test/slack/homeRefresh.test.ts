import { describe, expect, it } from "vitest";
import pino from "pino";
import { refreshHome } from "../../src/surfaces/slack/flows/home.ts";
import type { WebClient } from "../../src/surfaces/slack/deps.ts";

const client = {} as WebClient;

describe("App Home refresh after a change", () => {
  it("coalesces a burst for one person into one more publish, which every caller waits for", async () => {
    const started: string[] = [];
    const finish: Array<() => void> = [];
    const refresh = refreshHome(async (_client, userId) => {
      started.push(userId);
      await new Promise<void>((done) => finish.push(done));
    }, pino({ level: "silent" }));

    const settled: string[] = [];
    const first = refresh(client, "U1").then(() => settled.push("first"));
    const second = refresh(client, "U1").then(() => settled.push("second"));
    const third = refresh(client, "U1").then(() => settled.push("third"));
    const other = refresh(client, "U2").then(() => settled.push("other"));
    expect(started).toEqual(["U1", "U2"]); // another person is never held up

    finish.shift()!(); // U1's first publish ends: the changes made meanwhile need one more
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(["U1", "U2", "U1"]);
    expect(settled).toEqual([]); // nobody is told "refreshed" before a publish that saw their change

    finish.shift()!(); // U2
    finish.shift()!(); // U1's second
    await Promise.all([first, second, third, other]);
    expect(started).toHaveLength(3);
    expect(settled.sort()).toEqual(["first", "other", "second", "third"]);

    // Once idle, the next change publishes again.
    const later = refresh(client, "U1");
    expect(started).toHaveLength(4);
    finish.shift()!();
    await later;
  });

  it("keeps going after a failed publish", async () => {
    let calls = 0;
    const refresh = refreshHome(async () => {
      calls++;
      if (calls === 1) throw new Error("ratelimited");
    }, pino({ level: "silent" }));
    await refresh(client, "U1");
    await refresh(client, "U1");
    expect(calls).toBe(2);
  });
});
