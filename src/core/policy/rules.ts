import { z } from "zod";
import { ROLES, VERDICTS, type PolicyDocument } from "./types.ts";

/**
 * The reviewed rules file says what the Code *requires*: one entry per topic a question can be
 * about, naming the clause that decides it, the verdict, the roles that approve or advise, the
 * sentence to quote, and the concepts (words and phrases) that signal the topic.
 */
const topicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, "use lower_snake_case"),
    clause: z.string(),
    /** Further clauses that apply too and are cited after the main one. */
    also: z.array(z.string()).default([]),
    verdict: z.enum(VERDICTS),
    approvers: z.array(z.enum(ROLES)).default([]),
    /** Exact sentence(s) of the clause to quote; defaults to the clause's first sentence. */
    quote: z.string().optional(),
    /** One plain sentence saying what the Code requires here; the answer is built around it. */
    summary: z.string().min(1),
    /** Words and phrases describing this topic's concepts (not users' questions). */
    concepts: z.array(z.string().min(1)).default([]),
    /** Short illustrative situations, written by the reviewers, that this topic covers. */
    examples: z.array(z.string().min(1)).default([]),
  })
  .strict();

const rulesSchema = z
  .object({
    version: z.literal(1),
    topics: z.array(topicSchema).min(1),
  })
  .passthrough();

export type Topic = z.infer<typeof topicSchema> & { quote: string };
export type PolicyRules = Omit<z.infer<typeof rulesSchema>, "topics"> & { topics: Topic[] };

export class RulesError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: invalid rules file\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "RulesError";
  }
}

/** Validates parsed YAML against the schema and against the clauses the Code actually has. */
export function validateRules(raw: unknown, policy: PolicyDocument, file = "rules"): PolicyRules {
  const parsed = rulesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RulesError(file, parsed.error.issues.map((i) => `${describePath(raw, i.path)}: ${i.message}`));
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const known = [...policy.clauses.keys()].join(", ");
  const topics = parsed.data.topics.map((topic, index): Topic => {
    const where = `topics[${index}] (${topic.id})`;
    if (seen.has(topic.id)) problems.push(`${where}: duplicate topic id`);
    seen.add(topic.id);
    for (const id of [topic.clause, ...topic.also]) {
      if (!policy.clauses.has(id)) problems.push(`${where}: clause "${id}" is not in the Code (known: ${known})`);
    }
    const clause = policy.clauses.get(topic.clause);
    const quote = topic.quote ?? clause?.sentences[0] ?? "";
    if (clause && !clause.text.includes(quote)) problems.push(`${where}: quote is not word for word in clause ${topic.clause}`);
    return { ...topic, quote };
  });
  if (problems.length) throw new RulesError(file, problems);
  return { ...parsed.data, topics };
}

function describePath(raw: unknown, path: (string | number)[]): string {
  if (path[0] === "topics" && typeof path[1] === "number") {
    const topics = (raw as { topics?: Array<{ id?: unknown }> }).topics;
    const id = topics?.[path[1]]?.id;
    const rest = path.slice(2).join(".");
    return `topics[${path[1]}]${typeof id === "string" ? ` (${id})` : ""}${rest ? `.${rest}` : ""}`;
  }
  return path.join(".") || "(file)";
}
