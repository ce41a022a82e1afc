import type { Clause, PolicyDocument, Section } from "./types.ts";

const HEADING = /^(\d{1,3})\.\s+(\S.{0,100})$/;
const ITEM = /^[-*•]?\s*\(([a-z])\)\s+(.*)$/;
const SENTENCE_END = /[.!?:;)"”]$/;

export class PolicyParseError extends Error {}

/**
 * Parses a Code of Conduct written as plain text: a title line, numbered section headings
 * ("3. Conflicts of Interest"), paragraphs, and lettered items ("- (a) …").
 * Survives page breaks that split a sentence across a blank line, blank lines inside a list,
 * and Markdown emphasis markers.
 */
export function parsePolicy(source: string): PolicyDocument {
  const blocks = toBlocks(source);
  const title = blocks.find((b) => !HEADING.test(b)) ?? "Code of Conduct";
  const sections: Section[] = [];
  let current: Section | undefined;

  for (const text of blocks) {
    const heading = HEADING.exec(text);
    if (heading && !SENTENCE_END.test(text) && isNextNumber(sections, heading[1]!)) {
      current = { id: String(Number(heading[1])), title: heading[2]!.trim(), paragraphs: [], items: [] };
      sections.push(current);
      continue;
    }
    if (!current) continue; // the document's title and anything before section 1
    const item = ITEM.exec(text);
    if (item) current.items.push(clause(`${current.id}(${item[1]})`, current, item[2]!));
    else current.paragraphs.push(text);
  }
  if (!sections.length) throw new PolicyParseError("no numbered sections found (expected headings like \"1. Introduction\")");

  const clauses = new Map<string, Clause>();
  for (const section of sections) {
    clauses.set(section.id, clause(section.id, section, section.paragraphs.join("\n\n")));
    for (const item of section.items) clauses.set(item.id, item);
  }
  return { title, sections, clauses };
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
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length);

  const blocks: string[] = [];
  for (const lines of paragraphs) {
    // Lines inside a paragraph are either list items (one each) or wrapped prose (joined).
    for (const text of lines.some((l) => ITEM.test(l)) ? lines : [lines.join(" ")]) {
      const previous = blocks.at(-1);
      const unfinished = previous !== undefined && blocks.length > 1 && !SENTENCE_END.test(previous) && !HEADING.test(previous);
      if (unfinished && !HEADING.test(text) && !ITEM.test(text)) blocks[blocks.length - 1] = `${previous} ${text}`;
      else blocks.push(text);
    }
  }
  return blocks;
}

function isNextNumber(sections: Section[], number: string): boolean {
  const last = sections.at(-1);
  return Number(number) === (last ? Number(last.id) + 1 : 1);
}

function clause(id: string, section: Pick<Section, "id" | "title">, text: string): Clause {
  return { id, sectionId: section.id, title: section.title, text, sentences: splitSentences(text) };
}
