import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.ts";
import { homeOpenedSchema } from "../payloads.ts";
import { homeView } from "../render/home.ts";

/** App Home: published each time someone opens the Home tab. */
export function registerHomeListeners(app: App, _deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab && parsed.data.tab !== "home")) return;
    await client.views.publish({ user_id: parsed.data.user, view: homeView() });
  });
}
