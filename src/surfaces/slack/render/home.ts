import type { types } from "@slack/bolt";
import { header, type Block } from "./blocks.ts";
import { helpBlocks } from "./notices.ts";

export interface HomeSection {
  title: string;
  blocks: Block[];
}

/** The App Home tab: how to use the bot, then the person's sections (requests, reports, cases). */
export function homeView(sections: HomeSection[] = [], top: Block[] = []): types.HomeView {
  const blocks: Block[] = [...helpBlocks(), ...top];
  for (const s of sections) blocks.push({ type: "divider" }, header(s.title), ...s.blocks);
  return { type: "home", blocks: blocks.slice(0, 100) };
}
