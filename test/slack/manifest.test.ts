import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMAND, SHORTCUTS } from "../../src/surfaces/slack/ids.ts";

const manifest = parse(readFileSync(new URL("../../manifests/slack/manifest.yaml", import.meta.url), "utf8"));
const SLACK_DIR = new URL("../../src/surfaces/slack/", import.meta.url).pathname;

/** The bot scope each Web API method and event needs (none for auth.test, views.*). */
const METHOD_SCOPES: Record<string, string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  "conversations.open": ["im:write"],
  "conversations.replies": ["im:history"], // the first message of a DM thread: is it a case's? Was this answer already posted in the thread?
  "conversations.history": ["im:history"], // a DM: was this outbox message posted by an earlier attempt?
  "users.info": ["users:read", "users:read.email"], // the email matches people to the directory
  "views.open": [],
  "views.publish": [],
  "views.push": [],
  "views.update": [],
};
const EVENT_SCOPES: Record<string, string[]> = { "message.im": ["im:history"], app_mention: ["app_mentions:read"], app_home_opened: [] };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [readFileSync(join(dir, e.name), "utf8")] : [],
  );
}

describe("manifests/slack/manifest.yaml", () => {
  const code = sources(SLACK_DIR).join("\n");
  const methods = [...new Set([...code.matchAll(/client\.([a-z]+)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort();

  it("asks for exactly the scopes the code uses", () => {
    for (const method of methods) expect(METHOD_SCOPES, `scope of ${method}`).toHaveProperty([method]);
    const needed = new Set([
      ...methods.flatMap((m) => METHOD_SCOPES[m]!),
      ...manifest.settings.event_subscriptions.bot_events.flatMap((e: string) => EVENT_SCOPES[e]!),
      "commands",
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it("subscribes to the events the listeners handle, with one request URL for everything", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(["app_home_opened", "app_mention", "message.im"]);
    expect(code).toContain('app.event("message"');
    expect(code).toContain('app.event("app_mention"');
    expect(code).toContain('app.event("app_home_opened"');
    const url = "https://YOUR-HOST/slack/events";
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: COMMAND, url })]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: "global", callback_id: SHORTCUTS.reportConcern })]);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
