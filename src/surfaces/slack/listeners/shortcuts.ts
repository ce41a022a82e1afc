import type { App } from "@slack/bolt";
import { shortcutInteraction } from "../conversations.ts";
import type { SlackDeps } from "../deps.ts";
import { SHORTCUTS } from "../ids.ts";
import { shortcutSchema } from "../payloads.ts";
import { senderIn } from "../sender.ts";

/** Global shortcuts (⚡ menu). "Report a concern" opens the report flow. */
export function registerShortcutListeners(app: App, deps: SlackDeps): void {
  app.shortcut(SHORTCUTS.reportConcern, async ({ ack, body, client, context }) => {
    await ack();
    const parsed = shortcutSchema.safeParse(body);
    if (!parsed.success) return;
    await deps.flows.startReport(shortcutInteraction(client, { userId: parsed.data.user.id, triggerId: parsed.data.trigger_id, sender: senderIn(context) }), {});
  });
}
