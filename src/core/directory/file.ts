import { isMap, isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { checkEntries, type EntryProblem, type IndexedEntry } from "./checks.ts";
import { errorMap, FIELDS, fileSchema, personSchema, personSchemaFor, type DirectoryEntry } from "./fileFormat.ts";

export class DirectoryFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid directory file\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "DirectoryFileError";
  }
}

type Path = Array<string | number>;
interface Located {
  line: number | undefined;
  message: string;
}

/**
 * Parses and validates a directory file (see directory.example.yaml). Every problem is reported
 * at once, each as "file:line: person "id": …"; nothing is returned unless the whole file is valid.
 */
export function parseDirectoryFile(text: string, file = "directory", declaredRoles: readonly string[] = []): DirectoryEntry[] {
  const schema = declaredRoles.length ? personSchemaFor(declaredRoles) : personSchema;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: Located[] = doc.errors.map((e) => ({ line: lines.linePos(e.pos[0]).line, message: e.message.split("\n")[0]! }));
  if (problems.length) throw new DirectoryFileError(file, format(file, problems));

  const lineOf = (path: Path, key?: string) => locate(doc, lines, path, key);
  const raw = doc.toJS() as unknown;
  const top = fileSchema.safeParse(raw ?? {}, { errorMap });
  if (!top.success) {
    const found = top.error.issues.map((i) => ({ line: lineOf(i.path, unknownKey(i)), message: describe(i, raw) }));
    throw new DirectoryFileError(file, format(file, found));
  }

  const people = top.data.people;
  const label = (index: number) => {
    const id = idOf(people[index]);
    return id === undefined ? `person #${index + 1}` : `person "${id}"`;
  };
  const entries: DirectoryEntry[] = [];
  const partial: IndexedEntry[] = [];
  people.forEach((person, index) => {
    const parsed = schema.safeParse(person, { errorMap });
    if (parsed.success) {
      entries.push(parsed.data);
      return void partial.push({ index, entry: parsed.data });
    }
    // Still check what is valid of this person against the others (duplicates, supervisors, cycles).
    partial.push({ index, entry: validFields(person) });
    for (const issue of parsed.error.issues) {
      const path = ["people", index, ...issue.path];
      problems.push({ line: lineOf(path, unknownKey(issue)), message: `${label(index)}: ${describe(issue, person, FIELDS)}` });
    }
  });

  for (const problem of checkEntries(partial)) {
    problems.push({ line: lineOf(["people", problem.index, ...(problem.field ? [problem.field] : [])]), message: explain(problem) });
  }
  if (problems.length) throw new DirectoryFileError(file, format(file, problems));
  return entries;

  function explain(problem: EntryProblem): string {
    const other = problem.other === undefined ? undefined : lineOf(["people", problem.other]);
    return `${label(problem.index)}: ${problem.message}${other === undefined ? "" : ` (line ${other})`}`;
  }
}

/** "slack "nope" must be a Slack user id…", "name is required", "unknown field "colour" (fields are: …)" */
function describe(issue: z.ZodIssue, raw: unknown, fields?: string[]): string {
  if (issue.code === "unrecognized_keys") return fields ? `${issue.message} (fields are: ${fields.join(", ")})` : issue.message;
  if (issue.code === "invalid_enum_value" || (issue.code === "custom" && issue.path[0] === "roles")) return issue.message; // "unknown role …"
  const field = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join("");
  const value = valueAt(raw, issue.path);
  const shown = typeof value === "string" && (issue.code === "invalid_string" || issue.code === "too_small") ? ` ${JSON.stringify(value)}` : "";
  return `${field}${shown} ${issue.message}`;
}

function valueAt(raw: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string | number, unknown>)[key] : undefined), raw);
}

/** The fields of an invalid person that are valid on their own. */
function validFields(person: unknown): Partial<DirectoryEntry> {
  const fields: Record<string, unknown> = {};
  const raw = person && typeof person === "object" ? (person as Record<string, unknown>) : {};
  for (const [name, schema] of Object.entries(personSchema.shape)) {
    const parsed = (schema as z.ZodTypeAny).safeParse(raw[name]);
    if (parsed.success) fields[name] = parsed.data;
  }
  return fields as Partial<DirectoryEntry>;
}

function idOf(person: unknown): string | undefined {
  const id = person && typeof person === "object" ? (person as { id?: unknown }).id : undefined;
  return typeof id === "string" && id.trim() ? id.trim() : undefined;
}

function unknownKey(issue: z.ZodIssue): string | undefined {
  return issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
}

/** The line of the node at `path` (or of `key` in the mapping there), else of its nearest ancestor. */
function locate(doc: Document, lines: LineCounter, path: Path, key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isNode(p.key) && "value" in p.key && p.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
    }
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function format(file: string, problems: Located[]): string[] {
  return [...problems]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .map((p) => `${file}${p.line === undefined ? "" : `:${p.line}`}: ${p.message}`);
}
