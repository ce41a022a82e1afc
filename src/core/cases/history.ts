// A case's audit trail told as history lines: person ids become names, only non-content details kept.
import type { CaseContext } from "./context.ts";
import type { AuditRecord } from "./store.ts";
import type { HistoryItem } from "./types.ts";

/** Details that may be shown, by key; anything else (message ids, raw person ids) is left out. */
const SHOWN_DETAILS = ["from", "to", "outcome", "deadline", "day", "answer", "on", "mode", "category", "routedTo", "linkedCase", "via"] as const;

/**
 * History lines for `trail`. `reporterAlias` names the reporter's own entries (written under the
 * case's pseudonym): "You" for the reporter, the pseudonym itself for handlers.
 */
export async function describeTrail(ctx: CaseContext, trail: AuditRecord[], pseudonym: string, reporterAlias: string, hidden: ReadonlySet<string> = new Set()): Promise<HistoryItem[]> {
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await ctx.directory.get(id))?.name ?? "Someone no longer in the directory");
    return names.get(id)!;
  };
  const items: HistoryItem[] = [];
  for (const entry of trail) {
    if (hidden.has(entry.action)) continue;
    const raw = (entry.details ?? {}) as Record<string, unknown>;
    const details: HistoryItem["details"] = {};
    for (const key of SHOWN_DETAILS) {
      const value = raw[key];
      if (typeof value === "number" || typeof value === "boolean") details[key] = value;
      else if (typeof value === "string") details[key] = (key === "to" || key === "from") && entry.action !== "case.status_changed" ? await nameOf(value) : value;
      else if (Array.isArray(value)) details[key] = (await Promise.all(value.map((v) => nameOf(String(v))))).join(", ");
    }
    const actor = entry.actor === pseudonym ? reporterAlias : entry.actor === "system" ? "System" : await nameOf(entry.actor);
    items.push({ at: entry.at, actor, action: entry.action, details });
  }
  return items;
}
