/** Names as a sentence says them: "A", "A and B", "A, B and C" (or "A, B or C"); "" for none. */
export function joinNames(list: readonly string[], word: "and" | "or" = "and"): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} ${word} ${list.at(-1)}`;
}
