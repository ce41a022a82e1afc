import { VALUE } from "./ids.ts";
import type { StateValue, ViewSubmission } from "./payloads.ts";

/** Reads a submitted modal's inputs by block id (every input's action_id is VALUE). */
export function viewState(view: ViewSubmission["view"]) {
  const get = (blockId: string): StateValue | undefined => view.state.values[blockId]?.[VALUE];
  return {
    /** Text as typed (untrimmed); undefined when empty. */
    text: (blockId: string) => {
      const value = get(blockId)?.value;
      return value === null || value === undefined || value === "" ? undefined : value;
    },
    selected: (blockId: string) => get(blockId)?.selected_option?.value ?? undefined,
    checked: (blockId: string) => (get(blockId)?.selected_options ?? []).map((o) => o.value),
    users: (blockId: string) => get(blockId)?.selected_users ?? [],
    user: (blockId: string) => get(blockId)?.selected_user ?? undefined,
    date: (blockId: string) => get(blockId)?.selected_date ?? undefined,
  };
}

/** private_metadata as JSON; {} when it is not an object. */
export function metadataOf(view: ViewSubmission["view"]): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(view.private_metadata || "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
