/**
 * Slack message text ↔ plain text. Incoming text is Slack markup (`<@U1>`, `<!channel>`,
 * `<https://a|label>`, `&lt;`); the core wants what the person meant, and anything we echo
 * back must be escaped so it can neither ping anyone nor hide a link behind a label.
 */

const SPECIAL = /^!(channel|here|everyone)(\|.*)?$/;

/** Turns Slack markup into the plain text the person saw; `botUserId` mentions are dropped. */
export function slackToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = "", label] = splitOnce(inner, "|");
      if (target.startsWith("@")) return target.slice(1) === botUserId ? "" : `@${label ?? target.slice(1)}`;
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      const special = SPECIAL.exec(target);
      if (special) return `@${special[1]}`;
      if (target.startsWith("!subteam^")) return label ?? "@group";
      if (target.startsWith("!")) return label ?? "";
      const url = target.replace(/^mailto:/, "");
      // A labelled link shows where it really goes, so a label cannot disguise it.
      return label && label !== url ? `${label} (${url})` : url;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

/** Escapes text for Slack mrkdwn and `text` fields: `&`, `<` and `>` lose their meaning. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Shortens to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A block quote of user or Code text, escaped, every line prefixed so it stays quoted. */
export function quoteBlock(text: string): string {
  return escapeText(text)
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}
