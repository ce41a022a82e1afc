import { z } from "zod";
import { ROLES, VERDICTS, type PolicyDocument } from "./types.ts";
import { valuesSchema } from "./values.ts";

/** A word or phrase of the rules file's vocabulary: it must contain a letter or digit. */
const ROLE_ID = /^[a-z][a-z0-9_]*$/;
const phrase = z.string().regex(/[\p{L}\p{N}]/u, "must contain a word");
/** A list of phrases that may include shared lists (YAML anchors such as `*relatives`), flattened. */
const phrases = z.array(z.union([phrase, z.array(phrase)])).transform((list) => list.flat());

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
    /** Built-in roles (supervisor, board…) or roles declared under `roles:`. */
    approvers: z.array(z.string().regex(ROLE_ID, "roles are lower_snake_case")).default([]),
    /** Whether every approver must agree ("the Audit Committee and the Board") or any one may ("an executive officer or the Board"). */
    approval: z.enum(["all", "any"]).default("all"),
    /** Exact sentence(s) of the clause to quote; defaults to the clause's first sentence. */
    quote: z.string().optional(),
    /** One plain sentence saying what the Code requires here; the answer is built around it. */
    summary: z.string().min(1),
    /**
     * Words and phrases describing this topic's concepts (not users' questions): one list, or
     * lists by facet (e.g. `gift: [...]`, `giver: [...]`); a question touching several facets
     * is about the topic. Terms in a facet named `strong` settle the topic on their own.
     */
    concepts: z.union([phrases, z.record(z.string().regex(/^[a-z_]+$/, "facet names are lower_snake_case"), phrases.pipe(z.array(phrase).min(1)))]).default([]),
    /** Facets of which at least one must match for a question to be about this topic (e.g. a question about the Code itself must mention the Code). */
    requires: z.array(z.string()).default([]),
    /** Phrases that choose this topic over other topics of the same clause; a negated cue does not count. */
    cues: phrases.default([]),
    /** Short illustrative situations, written by the reviewers, that this topic covers. */
    examples: z.array(z.string().min(1)).default([]),
    /** Value thresholds (nominal / significant) that change the verdict by the amount a question names. */
    values: valuesSchema.optional(),
  })
  .strict();

/** How answers are worded around the topics: the next steps and what the Code does not cover. */
const adviceSchema = z
  .object({
    /** Topic cited next to a situation that should be reported (e.g. misconduct done to the asker). */
    reporting_topic: z.string().optional(),
    /** Closing sentence of an answer that says to report something. */
    report_step: z.string().min(1).default("Report it to your supervisor or another appropriate manager."),
    /** Closing sentence when the Code forbids or allows something and the asker may still be unsure. */
    unsure_step: z.string().min(1).default("If you are unsure, ask your supervisor."),
    /** Closing sentence instead of the others when the question implicates the asker's own supervisor. */
    bypass_supervisor_step: z
      .string()
      .min(1)
      .default("Because this involves your supervisor, do not take it to them: report it to another appropriate manager, or use Report a concern, which never sends a report to the people it names."),
    /** Closing sentence when the Code does not cover the question. */
    not_covered_step: z.string().min(1).default("Ask your supervisor or the team that handles it."),
    /** Everyday workplace matters the Code does not cover (cafeteria, payroll, passwords…). */
    not_covered: phrases.default([]),
    /**
     * Words that only come up with a Code matter (fake, hide, bribe, shred…): a question that uses
     * one and no not-covered term is answered from its best clause, however weak, instead of abstaining.
     */
    ethics_terms: phrases.default([]),
  })
  .strict();

/** An approver role of this Code beyond the built-in ones, e.g. `department_head: { name: "your department head" }`. */
const roleSchema = z
  .object({
    /** How answers name it ("the Ethics Office"). */
    name: z.string().min(1),
    /** The role the directory file gives the people who hold it (defaults to the role's own id). */
    held_by: z.string().regex(ROLE_ID, "roles are lower_snake_case").optional(),
  })
  .strict();

const rulesSchema = z
  .object({
    version: z.literal(1),
    roles: z.record(z.string().regex(ROLE_ID, "role ids are lower_snake_case"), roleSchema).default({}),
    advice: adviceSchema.default({}),
    topics: z.array(topicSchema).min(1),
  })
  .passthrough();

export type Topic = z.infer<typeof topicSchema> & { quote: string };
export type PolicyAdvice = z.infer<typeof adviceSchema>;
/** The validated rules file; other top-level keys are kept as they are. */
export type DeclaredRole = z.infer<typeof roleSchema>;
export type PolicyRules = { version: 1; advice: PolicyAdvice; topics: Topic[]; roles: Record<string, DeclaredRole>; [key: string]: unknown };

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
    for (const role of topic.approvers) {
      if (!(ROLES as readonly string[]).includes(role) && !(role in parsed.data.roles)) {
        problems.push(`${where}: approver role "${role}" is neither built in (${ROLES.join(", ")}) nor declared under roles:`);
      }
    }
    for (const id of [topic.clause, ...topic.also]) {
      if (!policy.clauses.has(id)) problems.push(`${where}: clause "${id}" is not in the Code (known: ${known})`);
    }
    const facets = Array.isArray(topic.concepts) ? [] : Object.keys(topic.concepts);
    for (const facet of topic.requires) {
      if (!facets.includes(facet)) problems.push(`${where}: requires facet "${facet}", which its concepts do not have (facets: ${facets.join(", ") || "none"})`);
    }
    const clause = policy.clauses.get(topic.clause);
    const quote = topic.quote ?? clause?.sentences[0] ?? "";
    if (clause && !clause.text.includes(quote)) problems.push(`${where}: quote is not word for word in clause ${topic.clause}`);
    return { ...topic, quote };
  });
  const reporting = parsed.data.advice.reporting_topic;
  if (reporting !== undefined && !seen.has(reporting)) problems.push(`advice.reporting_topic: no topic has id "${reporting}"`);
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
