import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.ts";
import { homeOpenedSchema } from "../payloads.ts";
import { senderIn } from "../sender.ts";

/** App Home: published each time someone opens the Home tab (the flows decide what it shows). */
export function registerHomeListeners(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab && parsed.data.tab !== "home")) return;
    await deps.flows.publishHome(client, parsed.data.user, senderIn(context));
  });
}
