/**
 * Makes text safe to place in an Adaptive Card TextBlock (which renders a Markdown subset):
 * every character that can start a link, emphasis, code, HTML or a heading is backslash-escaped,
 * and line-leading list markers too, so what someone typed shows as typed and can never become a
 * disguised link. Line breaks are kept as spaces: card text from users is one paragraph.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]()<>#~|!&{}]/g, "\\$&")
    .replace(/^(\d+)\.(?=\s)/, "$1\\.")
    .replace(/^([-+])(?=\s)/, "\\$1");
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
