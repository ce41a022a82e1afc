import type { types } from "@slack/bolt";
import { helpBlocks } from "./notices.ts";

/** The App Home tab. Reports and approvals add their sections here as they arrive. */
export function homeView(): types.HomeView {
  return { type: "home", blocks: helpBlocks() };
}
