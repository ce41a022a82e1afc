import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";
import { freshDatabase } from "../support/db.ts";
import { EXAMPLE_FILE } from "./support.ts";

describe("the app and DIRECTORY_FILE", () => {
  let app: TestApp | undefined;
  // Warm up in a hook: the first embedded database of a file is slow to make; later ones are reused.
  beforeAll(async () => (await freshDatabase()).close());
  afterEach(async () => app?.close());

  it("imports the directory at startup, logs only counts, and exposes the directory", async () => {
    app = await startTestApp({ DIRECTORY_FILE: EXAMPLE_FILE });
    const line = app.logs.find((l) => l.includes("directory imported"));
    expect(JSON.parse(line!)).toMatchObject({ people: 14, created: 14, updated: 0, deactivated: 0, merged: 0 });
    expect(app.logs.join("\n")).not.toMatch(/dana@example\.com|Dana Reyes/);
    expect((await app.directory.holdersOf("audit_committee")).map((p) => p.id)).toEqual(["grace", "victor"]);
    expect((await app.directory.resolve("slack", "U0KIM"))?.supervisorId).toBe("lee");
  });

  it("starts with an empty directory when DIRECTORY_FILE is unset", async () => {
    app = await startTestApp();
    expect(app.logs.some((l) => l.includes("directory imported"))).toBe(false);
    expect(await app.directory.holdersOf("director")).toEqual([]);
  });
});
