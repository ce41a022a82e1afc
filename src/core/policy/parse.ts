import type { Clause, PolicyDocument, Section } from "./types.ts";

/** "3. Conflicts of Interest", "3 Conflicts of Interest" (a number, then a title). */
const NUMBERED_HEADING = /^(\d{1,3})\.?\s+(\S.{0,100})$/;
/** "Section 4 – Gifts", "Article IV: Gifts", "Part 2. Scope", "Chapter 3" (the title may be on its own). */
const NAMED_HEADING = /^(?:section|article|part|chapter)\s+(\d{1,3}|[ivxlc]{1,7})\b\s*[-–—:.]?\s*(.{0,100})$/i;
/** "## Gifts" or "## 4. Gifts": a Markdown heading, numbered or not. */
const MARKDOWN_HEADING = /^#{1,6}\s+(.*)$/;
/** "4.1 Text", "4.1. Text", "4.1.2 Text": a numbered clause of section 4. */
const SUB_CLAUSE = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?\.?\s+(\S.*)$/;
/** "- (a) Text", "(a) Text", "a. Text", "a) Text": a lettered item. */
const ITEM = /^[-*•]?\s*(?:\(([a-z])\)|([a-z])[.)])\s+(\S.*)$/;
const SENTENCE_END = /[.!?:;)"”]$/;
/** "Duty to report. Any employee…": a clause's own short heading before its first sentence (no verb of a rule in it). */
const LEAD_IN = /^(\p{Lu}[^.!?:;]{0,60}?)[.:]\s+(?=["“(]?\p{Lu})/u;
const RULE_WORD = /\b(?:must|may|shall|should|will|can|is|are|was|were|be|not|never|only|has|have|does|do|prohibits?|requires?|applies|expects?|means)\b/i;
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

export class PolicyParseError extends Error {}

interface Heading {
  /** The section number the heading gives, if any. */
  number?: number;
  title: string;
}

/**
 * Parses a Code of Conduct written as plain text or Markdown: a title line, section headings
 * ("3. Conflicts of Interest", "Section 4 – Gifts", "Article IV: Gifts", "## Gifts"), paragraphs,
 * numbered clauses ("4.1", "4.1.2") and lettered items ("- (a) …", "a. …"). Clause ids are "3",
 * "3(c)", "4.1", "4.1.2" and "4.1(a)"; an "Article IV" becomes section "4".
 * Survives page breaks that split a sentence across a blank line, blank lines inside a list,
 * and Markdown emphasis markers.
 */
export function parsePolicy(source: string): PolicyDocument {
  const blocks = toBlocks(source);
  // "# Acme" over "## Gifts" headings: the shallowest Markdown level is the document's title, not a section.
  const levels = new Set(blocks.map(markdownLevel).filter((l) => l > 0));
  const titleLevel = levels.size > 1 ? Math.min(...levels) : 0;
  const isTitle = (text: string) => titleLevel > 0 && markdownLevel(text) === titleLevel && !SUB_CLAUSE.test(text.replace(MARKDOWN_HEADING, "$1"));
  const title = blocks.find(isTitle)?.replace(MARKDOWN_HEADING, "$1") ?? blocks.map((b) => b.replace(MARKDOWN_HEADING, "$1")).find((b) => !readHeading(b, 1)) ?? "Code of Conduct";
  const sections: Section[] = [];
  let current: Section | undefined;
  /** The numbered clause ("4.1") that plain paragraphs and lettered items now belong to. */
  let sub: Clause | undefined;
  // A Code that numbers its sections ("## Section 1 – Scope") has front matter before section 1 and
  // appendices after its last one under unnumbered headings ("## Foreword", "## Appendix – Contacts"):
  // those are not sections. The level its numbered headings use says which unnumbered ones end a section.
  const numberedLevel = Math.min(...blocks.filter((b) => !isTitle(b) && readHeading(b, 1)?.number === 1).map((b) => markdownLevel(b) || 1));

  for (const text of blocks) {
    if (isTitle(text)) continue;
    const next = sections.length + 1;
    const heading = readHeading(text, next);
    if (heading && heading.number === undefined && Number.isFinite(numberedLevel)) {
      // Shallower or as deep as the numbered ones: front matter or an appendix, left out; deeper: a sub-heading's words.
      if (markdownLevel(text) <= numberedLevel) current = sub = undefined;
      else if (current) (sub ? (sub.text = `${sub.text}\n\n${heading.title}`.trim()) : current.paragraphs.push(heading.title));
      continue;
    }
    if (heading) {
      current = { id: String(next), title: heading.title, paragraphs: [], items: [] };
      sections.push(current);
      sub = undefined;
      continue;
    }
    if (!current) continue; // the document's title and anything before section 1
    const body = text.replace(MARKDOWN_HEADING, "$1");
    const numbered = SUB_CLAUSE.exec(body);
    if (numbered && Number(numbered[1]) === Number(current.id)) {
      const id = [current.id, String(Number(numbered[2])), ...(numbered[3] ? [String(Number(numbered[3]))] : [])].join(".");
      const rest = numbered[4]!;
      // "4.1 Gifts" followed by prose is a sub-heading: its clause's text is what follows.
      const subTitle = !SENTENCE_END.test(rest) && rest.length <= 100 ? rest : undefined;
      sub = clause(id, current, subTitle ? "" : rest, subTitle);
      current.items.push(sub);
      continue;
    }
    const item = ITEM.exec(body);
    if (item) {
      const parent = sub ?? current;
      current.items.push(clause(`${parent.id}(${item[1] ?? item[2]})`, current, item[3]!, sub?.subTitle));
    } else if (sub) {
      sub.text = sub.text ? `${sub.text}\n\n${body}` : body;
      sub.sentences = splitSentences(sub.text);
    } else current.paragraphs.push(body);
  }
  if (!sections.length) throw new PolicyParseError('no numbered sections found (expected headings like "1. Introduction", "Section 1 – Scope" or "## Scope")');

  const clauses = new Map<string, Clause>();
  for (const section of sections) {
    clauses.set(section.id, clause(section.id, section, section.paragraphs.join("\n\n")));
    for (const item of section.items) clauses.set(item.id, item);
  }
  return { title, sections, clauses };
}

function markdownLevel(text: string): number {
  return /^(#{1,6})\s/.exec(text)?.[1]!.length ?? 0;
}

/** A section heading numbered `next` (or unnumbered, Markdown), or undefined for any other block. */
function readHeading(text: string, next: number): Heading | undefined {
  const markdown = MARKDOWN_HEADING.exec(text);
  const line = markdown ? markdown[1]!.trim() : text;
  if (SENTENCE_END.test(line) && !markdown) return undefined;
  const named = NAMED_HEADING.exec(line);
  if (named) {
    const number = toNumber(named[1]!);
    return number === next ? { number, title: named[2]!.trim() || line } : undefined;
  }
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered && !SUB_CLAUSE.test(line)) {
    const number = Number(numbered[1]);
    const title = numbered[2]!.trim();
    // "3. Conflicts of Interest" must come in order; a bare "3 Gifts" must also look like a title.
    if (number === next && (line.includes(".") || /^\p{Lu}/u.test(title)) && !SENTENCE_END.test(title)) return { number, title };
    return undefined;
  }
  if (markdown && !SUB_CLAUSE.test(line) && !ITEM.test(line) && line.length <= 100) return { title: line };
  return undefined;
}

function toNumber(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const digits = [...value.toLowerCase()].map((c) => ROMAN[c] ?? 0);
  return digits.reduce((sum, d, i) => sum + (d < (digits[i + 1] ?? 0) ? -d : d), 0);
}

/** Splits clause text into sentences, keeping each sentence's exact wording. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n\n+/)
    .flatMap((p) => p.split(/(?<=[.!?])["”]?\s+(?=["“(]?[A-Z])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Paragraphs and list items, with sentences that a page break split across a blank line joined again. */
function toBlocks(source: string): string[] {
  const paragraphs = source
    .replace(/\r\n?/g, "\n")
    .replace(/\*{1,3}([^*\n]+)\*{1,3}/g, "$1")
    .replace(/_{2}([^_\n]+)_{2}/g, "$1")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length);

  const starts = (line: string) => ITEM.test(line) || SUB_CLAUSE.test(line) || MARKDOWN_HEADING.test(line) || NAMED_HEADING.test(line);
  const structural = (line: string) => starts(line) || NUMBERED_HEADING.test(line);
  const blocks: string[] = [];
  for (const lines of paragraphs) {
    // Lines inside a paragraph are either list items, clauses or headings (one each) or wrapped prose (joined).
    const pieces: string[] = [];
    for (const line of lines) {
      if (!pieces.length || starts(line) || MARKDOWN_HEADING.test(pieces.at(-1)!)) pieces.push(line);
      else pieces[pieces.length - 1] = `${pieces.at(-1)} ${line}`;
    }
    for (const text of pieces) {
      const previous = blocks.at(-1);
      const unfinished = previous !== undefined && blocks.length > 1 && !SENTENCE_END.test(previous) && !structural(previous);
      if (unfinished && !structural(text)) blocks[blocks.length - 1] = `${previous} ${text}`;
      else blocks.push(text);
    }
  }
  return blocks;
}

function clause(id: string, section: Pick<Section, "id" | "title">, text: string, subTitle?: string): Clause {
  const leadIn = subTitle ? undefined : LEAD_IN.exec(text);
  const heading = leadIn && leadIn[1]!.split(/\s+/).length <= 7 && !RULE_WORD.test(leadIn[1]!) ? leadIn : undefined;
  if (heading) return clause(id, section, text.slice(heading[0].length), heading[1]!.trim());
  return { id, sectionId: section.id, title: section.title, ...(subTitle && { subTitle }), text, sentences: splitSentences(text) };
}
