import { Document, isScalar, visit } from "yaml";
import { phraseStems } from "../advice/normalise.ts";
import { notCoveredBeyond } from "../advice/notCovered.ts";
import { wordVectors } from "../advice/vectors.ts";
import { ETHICS_TERMS, NOT_COVERED_TERMS } from "./generalTerms.ts";
import { ROLES, type Clause, type PolicyDocument, type Verdict } from "./types.ts";

/**
 * Drafts a rules file for a Code nobody has reviewed yet: one topic per clause, its verdict read from
 * the clause's own language ("must not" → prohibited, "requires the prior approval of" → needs
 * approval, "must report" → report, "may" → allowed, "answers questions" → guidance), the sentence
 * that justifies it as the quote and summary, the approver roles named in that sentence (declared
 * under `roles:` when they are not built in), concepts from the clause's distinctive words (each
 * with its nearest neighbours in the word vectors: "vehicles" → cars, trucks, vans), from the
 * Code's own "such as" lists and from the rest of its section, and the clause's heading and sentences
 * as examples. A clause that also allows something ("Limited personal use … is allowed"), names whom
 * to report to, or prohibits something beside what it lets be approved gets a second topic for it.
 * The draft runs as it is and is meant to be reviewed: reviewers add examples in employees' words.
 */
export function draftRules(document: PolicyDocument): DraftRules {
  const roles: Record<string, { name: string }> = {};
  const topics: DraftTopic[] = [];
  const used = new Set<string>();
  const spread = clauseSpread(document);
  const sectionText = sectionTexts(document);
  /** Each clause's verdict, and whether it prohibits something: a lettered item that states none takes its parent's. */
  const decided = new Map<string, { verdict: Verdict; prohibits: boolean }>();
  for (const clause of document.clauses.values()) {
    if (!clause.sentences.length) continue;
    // Each part of a sentence ("… must be approved by X, and must never be tied to Y") is read on its own.
    const readings = clause.sentences.flatMap((sentence) =>
      partsOf(sentence)
        .map((part) => ({ sentence, part, verdict: verdictOf(part) }))
        .filter((r, i, all) => all.findIndex((o) => o.verdict === r.verdict) === i),
    );
    // An approval nobody is named for ("only for the uses approved by the health authorities") is not a route.
    // When every reading is such an approval ("unless previously approved by the Company"), it stands.
    const routed = readings.filter((r) => r.verdict !== "needs_approval" || rolesIn(r.sentence, "needs_approval", {}).length);
    const parent = decided.get(parentOf(clause.id));
    const stated = readings.some((r) => r.verdict);
    // "(c) Accepting gifts … of significant value" under "the following are conflicts … which must be avoided".
    const main = stated || !parent ? pickMain(routed.length ? routed : readings) : { sentence: clause.sentences[0]!, verdict: parent.prohibits ? ("prohibited" as const) : parent.verdict };
    decided.set(clause.id, { verdict: main.verdict, prohibits: readings.some((r) => r.verdict === "prohibited") });
    // What the clause also allows, whom it says to report to, and what it prohibits besides what it lets be
    // approved or allows, are topics of their own: the question picks the one it is about.
    const seconds = readings.filter(
      (other) =>
        (other.verdict === "allowed" && main.verdict !== "allowed") ||
        (other.verdict === "report" && main.verdict !== "report" && rolesIn(other.sentence, "report", {}).length > 0) ||
        // …an explicit prohibition ("must never be tied to"), not a duty ("must be logged").
        (other.verdict === "prohibited" && (main.verdict === "needs_approval" || main.verdict === "allowed") && (PROHIBITION.test(other.part) || STRONG_PROHIBITION.test(other.part))),
    );
    const quotes = seconds.map((other) => (other.sentence === main.sentence ? other.part.trim() : other.sentence)).filter((q, i, all) => all.indexOf(q) === i && q !== main.sentence);
    topics.push(topicFor(clause, main.sentence, main.verdict, used, roles, spread, undefined, sectionText(clause.sectionId)));
    seconds.forEach((other) => {
      const quote = other.sentence === main.sentence ? other.part.trim() : other.sentence;
      if (!quotes.includes(quote) || !clause.text.includes(quote) || topics.some((t) => t.clause === clause.id && t.quote === quote)) return;
      topics.push(topicFor(clause, quote, other.verdict!, used, roles, spread, other.verdict!, sectionText(clause.sectionId)));
    });
  }
  const reporting = topics.find((t) => t.verdict === "report" && /\breport/i.test(t.quote) && t.approvers.length) ?? topics.find((t) => t.verdict === "report");
  const reportWho = reporting?.approvers.length ? reporting.approvers.map((r) => nameOf(r, roles)) : ["your supervisor"];
  const guidance = topics.find((t) => t.verdict === "guidance" && t.approvers.length);
  const askWho = guidance ? guidance.approvers.map((r) => nameOf(r, roles)) : ["your supervisor"];
  const advice = {
    ...(reporting && { reporting_topic: reporting.id }),
    report_step: `Report it promptly to ${joinOr(reportWho)}${reporting ? ` (section ${reporting.clause})` : ""}; a good-faith report is protected from retaliation.`,
    unsure_step: `If you are unsure, ask ${joinOr(askWho)}${guidance ? ` (section ${guidance.clause})` : ""}.`,
    not_covered_step: `Ask your supervisor or the team that handles it (such as HR, IT or Facilities); questions about the Code itself go to ${joinOr(askWho)}.`,
    not_covered: notCoveredBeyond(document, NOT_COVERED_TERMS),
    ethics_terms: ETHICS_TERMS,
  };
  return { version: 1, roles, advice, topics };
}

export interface DraftTopic {
  id: string;
  clause: string;
  verdict: Verdict;
  approvers: string[];
  approval?: "any";
  quote: string;
  summary: string;
  concepts: Record<string, string[]>;
  examples: string[];
}

export interface DraftRules {
  version: 1;
  roles: Record<string, { name: string }>;
  advice: Record<string, unknown>;
  topics: DraftTopic[];
}

/** The draft as YAML, with a header saying how it was made and what to review. */
export function draftYaml(document: PolicyDocument, codeFile: string): string {
  const header = [
    `# Rules drafted by \`conduct rules draft\` from ${codeFile} (${document.title}).`,
    "# Every verdict was read from the clause's own words and quotes the sentence that justifies it:",
    "# review each topic (verdict, approvers, summary), add concepts and examples in your employees' words,",
    "# then run `conduct rules check` on this file.",
  ].join("\n");
  const yaml = new Document(draftRules(document));
  // Lists of words and roles on one line each, as a reviewer would write them.
  visit(yaml, { Seq: (_, node) => void (node.items.every((i) => isScalar(i) && String(i.value).length < 60) && (node.flow = true)) });
  return `${header}\n${yaml.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

// ---------------------------------------------------------------- verdicts from the clause's language

/** "requires a written contract, a documented need and the prior approval of": approval at the end of a list. */
const LISTED_APPROVAL = /\brequires?\b[^.;]{0,160}?\b(?:the |your )?(?:prior |previous |advance |written )*(?:approval|consent|authori[sz]ation) (?:of|from)\b|\bafter (?:the )?(?:prior |written )*(?:pre-?clearance|approval|consent|authori[sz]ation)\b|\b(?:pre-?)?clearance (?:by|from)\b/i;
const APPROVAL =
  /\b(requires?|needs?|must (?:first )?(?:obtain|get|seek)|subject to|with|without) (?:the )?(?:prior |previous |advance |written |specific |express )*(?:written )?(approval|consent|permission|clearance|authori[sz]ation|sign[- ]off|agreement)\b|\b(?:needs?|requires?|with|without|only with) (?:the |your )?[\w ]{0,40}'s (?:prior |written )*(?:approval|consent|permission|agreement|sign[- ]off)\b|\b(?:has|have) agreed in writing\b|\bonly (?:be )?possible with\b|\b(must|shall|should|to) be (?:pre-?)?(approved|authori[sz]ed|cleared)\b|\bapproved (?:in advance|beforehand)\b|\bobtain (?:prior )?clearance\b|\bunless (?:previously |so )?(?:approved|authori[sz]ed|requested or approved)\b|\bapproved by\b|\b(?:granted|given|made) only by\b|\b(?:must|shall) (?:be )?(?:declare|disclose)d?\b|\bmust (?:tell|inform|notify)\b|\bmust obtain\b/i;
/** Words that make a sentence a prohibition even when it mentions approval ("without authorisation is theft"). */
const STRONG_PROHIBITION = /\b(prohibit(?:s|ed)?|forbid(?:den)?|never|theft|gross misconduct|serious breach)\b/i;
/** "must be accurate", "must avoid", "are required to": a duty, so breaking it is not allowed. */
const OBLIGATION = /\b(must|shall|(?:is|are) required to|(?:is|are) expected to|have a duty)\b/i;
const PROHIBITION =
  /\b(must|may|shall|should|can|will) (?:not|never)\b|^(?:never|do not|don't)\b|\b(?:is|are) never\b|\bis (?:a|an) (?:disciplinary|criminal|serious) offen[cs]e\b|\bnobody (?:may|shall|will|can)\b|\bcannot\b|\bprohibit(?:s|ed|ion)?\b|\bforbid(?:den|s)?\b|\bnot (?:be )?(?:permitted|allowed|tolerated?)\b|\bdoes not tolerate\b|\bwill not tolerate\b|\bno (?:one|employee|person|officer|director|company funds)\b[^.]{0,40}\b(?:may|shall|will)\b|\bno [a-z ]{1,40} (?:shall|may) be\b|\bis (?:theft|a (?:serious )?breach|gross misconduct)\b|\bmust be refused\b|\bprecludes?\b/i;
const REPORTING = /\b(?:may|can|should|must) be raised\b|\b(must|should|shall) (?:promptly |immediately )?(?:be )?report(?:ed)?\b|\bmust be reported\b|\breport (?:it|them|any|a)\b[^.]*\bto\b|^report\b|\breport [a-z, ]{1,60}\bto (?:the|your|a)\b|\b(?:tell|contact|call|inform|alert) (?:your|the) [a-z ]*[A-Z]?[\w ]*(?:manager|supervisor|team|office|desk|line|hotline|officer)\b|\bmust be (?:told|informed|notified)\b|\bspeak up\b|\braise (?:a |any )?concerns?\b|\bbring (?:this|it|the) [a-z ]*to\b[^.]*attention\b/i;
const PERMISSION = /\b(may|can) (?!not\b|never\b)(?:accept|use|keep|take|give|participate|engage|be used|be accepted|be provided|be given|be offered)\b|\b(?:is|are) (?:allowed|permitted|acceptable|encouraged)\b|\bencourages?\b|\bpolicy allows\b/i;
const GUIDANCE = /\b(questions?|interpret(?:ation|ing|s)?|guidance|advice|in doubt|seek guidance)\b/i;

/**
 * "This Code applies to…", "contractors are expected to follow it", "partners must accept the Partner
 * Code": whom the Code binds, a matter of guidance, not a duty whose breach a question asks about.
 */
const APPLICABILITY = /\b(?:must|shall|should|(?:is|are) expected to)\s+(?:follow|observe|accept|abide by|act in line with|act in accordance with)\s+(?:it|this code|the code|(?:the|our) [\w' -]{1,40}code)\b|\b(?:this|the) code (?:also )?applies to\b|\b(?:is|are) expected to act\b/i;

/** Where a question is sent for an answer: "Questions about this Code … should be directed to". */
const QUESTIONS_TO = /\bquestions?\b[^.]{0,120}\b(?:directed|addressed|referred|sent|put) to\b|\banswers questions\b/i;

/** A sentence's parts that state a rule each: "…, and must never …", "…; any shipment … is prohibited". */
function partsOf(sentence: string): string[] {
  return sentence.split(/;\s+|,?\s+and (?=(?:must|may|shall|should|will|is|are)\b)/).filter((p) => /\w/.test(p));
}

/** "may be accepted without approval": leave to do it, not a need for approval. */
const FREE_OF_APPROVAL = /\b(?:may|can)\b(?! not\b| never\b)[^.;]{0,80}\bwithout (?:any |prior |the )?(?:approval|permission|consent|authori[sz]ation|clearance)\b/i;

function verdictOf(sentence: string): Verdict | undefined {
  if (FREE_OF_APPROVAL.test(sentence) && !PROHIBITION.test(sentence)) return "allowed";
  if ((APPROVAL.test(sentence) || LISTED_APPROVAL.test(sentence)) && !STRONG_PROHIBITION.test(sentence)) return "needs_approval";
  if (QUESTIONS_TO.test(sentence)) return "guidance";
  if (REPORTING.test(sentence)) return PROHIBITION.test(sentence) && !/\bmust (?:promptly )?report\b/i.test(sentence) ? "prohibited" : "report";
  if (PROHIBITION.test(sentence)) return "prohibited";
  if (PERMISSION.test(sentence)) return "allowed";
  if (GUIDANCE.test(sentence) || APPLICABILITY.test(sentence)) return "guidance";
  if (OBLIGATION.test(sentence)) return "prohibited";
  return undefined;
}

const PRECEDENCE: Verdict[] = ["needs_approval", "prohibited", "report", "guidance", "allowed"];

/** "3(c)" → "3", "4.1(a)" → "4.1", "4.1.2" → "4.1", "4.1" → "4". */
function parentOf(id: string): string {
  return id.includes("(") ? id.replace(/\(.*$/, "") : id.replace(/\.\d+$/, "");
}

/** The sentence that decides a clause: the strongest verdict it states (approval, then prohibition…). */
function pickMain(readings: Array<{ sentence: string; verdict: Verdict | undefined }>): { sentence: string; verdict: Verdict } {
  // Of the sentences that state a verdict, one that states nothing else ("Meals for guests are not permitted").
  const only = (r: (typeof readings)[number]) => readings.every((o) => o.sentence !== r.sentence || o.verdict === r.verdict);
  for (const verdict of PRECEDENCE) {
    const found = readings.find((r) => r.verdict === verdict && only(r)) ?? readings.find((r) => r.verdict === verdict);
    if (found) return { sentence: found.sentence, verdict };
  }
  return { sentence: readings[0]!.sentence, verdict: "guidance" };
}

// ---------------------------------------------------------------- roles named in a sentence

/** Built-in roles and the words Codes use for them. */
const BUILT_IN: Array<[RegExp, (typeof ROLES)[number]]> = [
  [/^(?:immediate |direct |line )?(?:supervisor|manager|line manager)s?$/i, "supervisor"],
  [/^board(?: of directors)?$/i, "board"],
  [/^audit committee$/i, "audit_committee"],
  [/^executive officers?$/i, "executive_officer"],
  [/^president$/i, "president"],
  [/^(?:company's )?(?:attorneys|lawyers|legal counsel|counsel)$/i, "attorneys"],
  [/^officer$/i, "officer"],
];
/** Words for the people a heading may name: roles, not subjects. */
const PEOPLE = /^(?:managers?|supervisors?|officers?|directors?|heads?|staff|employees?|members?|people|persons?|workers?|leaders?|leads?|colleagues?|customers?|clients?)$/;
const ROLE_HEAD = "head|manager|supervisor|officer|committee|department|office|secretary|board|counsel|lead|president|attorneys|team|function|director";
const ROLE_PHRASE = new RegExp(
  `\\b([Yy]our|[Tt]heir|[Hh]is or her|[Tt]he|[Aa]n?|[Aa]ny)\\s+((?:[A-Z][\\w-]*\\s+){0,3}(?:${ROLE_HEAD.split("|").map((h) => `${h[0]!.toUpperCase()}${h.slice(1)}`).join("|")})(?:\\s+of\\s+[A-Z][\\w-]*)?|(?:immediate |direct |line |department |site |safety |store |duty |area |branch |plant |shift |local )?(?:${ROLE_HEAD}))\\b`,
  "g",
);
/** Roles are read only where the sentence says who approves, advises or hears reports. */
const ROLE_CONTEXT = /\b(approv|consent|permission|clearance|authori[sz]|report|raise|refer|direct|guidance|interpret|answers|responsible|declare|disclos|grant|only by|sign[- ]off|agree|tell|told|contact|talk|inform|notif)/i;

/** "to Quality Assurance", "to IT Security": a named function without "the". */
const BARE_ROLE = /\b(?:to|by|with|from)\s+((?:[A-Z][\w-]*\s+){0,3}(?:Assurance|Affairs|Resources|Security|Compliance|Office|Officer|Committee|Department|Counsel))\b/g;

function rolesIn(sentence: string, verdict: Verdict, roles: Record<string, { name: string }>): string[] {
  const context = ROLE_CONTEXT.exec(sentence);
  if (verdict === "prohibited" || verdict === "allowed" || !context) return [];
  // Who approves, advises or hears reports is named after the word that says so ("serving on the
  // board of a competitor requires the approval of the Chief Compliance Officer": not the board).
  // …or, when nobody is named after it, just before it in the same part ("unless the Integrity Team has
  // agreed", "the store manager's agreement", "the Product Safety Team must be told").
  const after = sentence.slice(context.index);
  const partStart = Math.max(0, ...[...sentence.slice(0, context.index).matchAll(/[,;:]\s|\b(?:and|or|unless|without|with|need|needs|require|requires)\s/g)].map((m) => m.index + m[0].length));
  const tail = ROLE_PHRASE.test(after) || BARE_ROLE.test(after) ? after : sentence.slice(partStart);
  ROLE_PHRASE.lastIndex = 0;
  BARE_ROLE.lastIndex = 0;
  const found: string[] = [];
  const matches = [...tail.matchAll(ROLE_PHRASE)].map((m) => ({ at: m.index, end: m.index + m[0].length, words: m[2]!.trim(), bare: false, yours: /^(?:your|their|his)/i.test(m[1]!) }));
  for (const m of tail.matchAll(BARE_ROLE)) {
    const at = m.index + m[0].length - m[1]!.length;
    if (!matches.some((o) => at < o.end && o.at < at + m[1]!.length)) matches.push({ at, end: at + m[1]!.length, words: m[1]!.trim(), bare: true, yours: false });
  }
  matches.sort((a, b) => a.at - b.at);
  for (const [index, match] of matches.entries()) {
    // "the Audit Committee of the Board": the Board only says whose committee it is.
    const before = matches[index - 1];
    if (before && /^\s+of\s+$/.test(tail.slice(before.end, match.at).replace(/\bthe\b/, ""))) continue;
    const words = match.words;
    if (match.bare && !BUILT_IN.some(([pattern]) => pattern.test(words))) {
      const id = words.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
      roles[id] ??= { name: words };
      if (!found.includes(id)) found.push(id);
      continue;
    }
    if (/^(?:company|department|office|team|function|board member)$/i.test(words)) continue;
    const builtIn = BUILT_IN.find(([pattern]) => pattern.test(words))?.[1];
    let id: string = builtIn ?? words.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
    if (!builtIn) {
      if (id === "director") id = "board";
      else roles[id] ??= { name: `${match.yours || !/^[A-Z]/.test(words) ? "your" : "the"} ${words}` };
    }
    if (!found.includes(id)) found.push(id);
  }
  return found;
}

function nameOf(role: string, roles: Record<string, { name: string }>): string {
  const builtIn: Record<string, string> = {
    supervisor: "your supervisor", board: "the Board", audit_committee: "the Audit Committee", executive_officer: "an executive officer",
    president: "the President", attorneys: "the Company's attorneys", officer: "an officer of the Company",
  };
  return roles[role]?.name ?? builtIn[role] ?? role.replace(/_/g, " ");
}

function joinOr(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

// ---------------------------------------------------------------- topics

const STOP = new Set(
  ("a an the and or but if of to in on at by for with from into about as than then so that this these those it its be is are was were been being " +
    "have has had do does did can could may might must shall should will would not no nor any all each every such other own same only also very " +
    "their them they his her he she we our you your who whom which what when where why how there here more most less least some one two " +
    "company company's code employee employees person persons personnel anyone everyone someone business including include includes within without " +
    "upon under over against whether where whose while made make makes used use uses using out off up down per via ever never always").split(" "),
);

function topicFor(clause: Clause, sentence: string, verdict: Verdict, used: Set<string>, roles: Record<string, { name: string }>, spread: Map<string, number>, suffix: string | undefined, section: string): DraftTopic {
  const base = `${slug(clause.subTitle ?? clause.title)}_${clause.id.replace(/\W+/g, "_").replace(/_$/, "")}`;
  let id = `${base}${suffix ? `_${suffix}` : ""}`;
  for (let n = 2; used.has(id); n++) id = `${base}_${suffix ?? "topic"}_${n}`;
  used.add(id);
  const approvers = rolesIn(sentence, verdict, roles);
  const { concepts, examples } = vocabularyOf(clause, suffix ? sentence : undefined, spread, section);
  return {
    id,
    clause: clause.id,
    verdict,
    approvers,
    ...(approvers.length > 1 && /\bor\b/.test(sentence) && !/\band\b[^.]*\b(approval|approved)\b/.test(sentence) && { approval: "any" as const }),
    quote: sentence,
    summary: sentence,
    concepts,
    examples,
  };
}

/**
 * The words a topic of `clause` is found by, from the Code's text alone: for the clause as a whole, or
 * for one sentence of it (`sentence`: a second topic, such as what the clause also allows).
 */
function vocabularyOf(clause: Clause, sentence: string | undefined, spread: Map<string, number>, section: string): { concepts: Record<string, string[]>; examples: string[] } {
  const text = sentence ?? clause.text;
  const concepts: Record<string, string[]> = {};
  const heading = `${clause.subTitle ?? ""} ${clause.title}`;
  const subject = keywords(heading, spread);
  // When the clause has no heading of its own, its section's heading says what it is about, even in
  // words common in English ("11.1" under "Dealing in Shares"), but not the people it names ("Duties of
  // Managers"): those are who asks. Common words' neighbours are other senses ("interest" → borrowing),
  // so these come alone.
  const plain = (clause.subTitle ? [] : keywords(clause.title, spread, 30, HEADING_COMMON_RANK)).filter((w) => !subject.includes(w) && !PEOPLE.test(w));
  const words = keywords(text, spread).filter((w) => !subject.includes(w) && !plain.includes(w));
  if (subject.length || plain.length) concepts.subject = [...withNeighbours(subject), ...plain];
  if (words.length) concepts.text = withNeighbours(words);
  // The words of the whole section (its other clauses, its heading), with their neighbours: a question
  // that uses a sibling clause's words is about this section even when it misses this clause's own.
  const own = new Set(Object.values(concepts).flat().map((w) => phraseStems(w).join(" ")));
  const shared = keywords(section, spread, SECTION_WORDS).filter((w) => !own.has(phraseStems(w).join(" ")));
  if (shared.length) concepts.section = withNeighbours(shared);
  // The Code's own "such as" lists name kinds of thing the clause is about ("customer lists", "vouchers").
  const kinds = examplesOf(text);
  if (kinds.length) concepts.kinds = kinds;
  // The clause's own heading and sentences, as examples: each finds its clause by its words (and
  // lets `conduct rules check` show which clauses read alike). Reviewers add employees' words.
  return { concepts, examples: [...(clause.subTitle ? [clause.subTitle] : []), ...(sentence ? [sentence] : clause.sentences)] };
}

/**
 * For a rules file that gives a topic only what the Code requires of it (clause, verdict, summary,
 * approvers): the words the draft would give it, from its clause's text. `second` says the topic is not
 * the first of its clause, so it is found by its own quote.
 */
export function textVocabulary(document: PolicyDocument): (clause: Clause, quote: string, second: boolean) => { concepts: Record<string, string[]>; examples: string[] } {
  const spread = clauseSpread(document);
  const sectionText = sectionTexts(document);
  return (clause, quote, second) => vocabularyOf(clause, second ? quote : undefined, spread, sectionText(clause.sectionId));
}

/** Each section's text (its clauses and their sub-headings), by section id. */
function sectionTexts(document: PolicyDocument): (sectionId: string) => string {
  const bySection = new Map<string, string[]>();
  for (const clause of document.clauses.values()) {
    const list = bySection.get(clause.sectionId) ?? [];
    list.push(clause.text, clause.subTitle ?? "");
    bySection.set(clause.sectionId, list);
  }
  return (id) => bySection.get(id)?.join(" . ") ?? "";
}

/** Words this common in English (by their rank in the word vectors) say little about a clause. */
const COMMON_RANK = 800;
/** …but a heading's words are what its clause is about, so only the very commonest are dropped from it ("Dealing in Shares"). */
const HEADING_COMMON_RANK = 400;
/** At most this many of a section's words join each of its clauses' concepts. */
const SECTION_WORDS = 200;
/** Words in more than this share of the Code's clauses (its name, "business", "customer") do not tell clauses apart. */
const MAX_SPREAD = 0.15;

/** Words that say what the rule is (its verdict and form), not what it is about: every clause has some. */
const RULE_WORDS = new Set(
  ("require requires required requirement requirements prior approval approvals approve approved approves authorisation authorization " +
    "authorised authorized consent permission permitted permit prohibited prohibits prohibit prohibition forbidden forbid allowed allow allows " +
    "acceptable unacceptable tolerate tolerated tolerates expected expect expects obtain obtained written advance beforehand whatever case cases " +
    "directly indirectly apply applies applicable appropriate relevant particular certain otherwise therefore however regardless instead").split(" "),
);

/** Distinct words of a text that tell its clause apart: not function words, not very common English, not all over the Code. */
function keywords(text: string, spread: Map<string, number>, max = 30, commonRank = COMMON_RANK): string[] {
  const vectors = wordVectors();
  const limit = Math.max(2, MAX_SPREAD * (spread.get("") ?? 1));
  const common = (w: string) => [w, w.replace(/(ing|ed|es|s)$/, ""), w.replace(/ing$/, "e")].some((form) => {
    const row = vectors.rowOf(form);
    return row >= 0 && row < commonRank;
  });
  const words = wordsOf(text).filter((w) => w.length > 2 && !STOP.has(w) && !RULE_WORDS.has(w) && (spread.get(w) ?? 0) <= limit && !common(w));
  return [...new Set(words)].slice(0, max);
}

/** How close in meaning (cosine of the word vectors) a word must be to a clause's word to stand for it. */
const NEIGHBOUR_COSINE = 0.68;
const NEIGHBOURS_PER_WORD = 4;
/** A word added for its meaning must be rarer than this rank: "take", "want", "keep" would match everything. */
const EXPANSION_RANK = 1500;

/**
 * The words, each followed by its nearest neighbours in meaning ("vehicles" → cars, trucks, vans),
 * so a question in everyday words finds the clause that uses the formal one.
 */
function withNeighbours(words: string[]): string[] {
  const out = [...words];
  for (const word of words) for (const near of neighboursOf(word)) if (!out.includes(near)) out.push(near);
  return out;
}

/** Each word's neighbours, found once (one pass over the vectors each): the same words recur across a Code. */
const neighbours = new Map<string, string[]>();
function neighboursOf(word: string): string[] {
  let found = neighbours.get(word);
  if (!found) {
    const vectors = wordVectors();
    found = vectors
      .nearest(word, NEIGHBOURS_PER_WORD, NEIGHBOUR_COSINE)
      .map((n) => n.word)
      .filter((near) => /^[a-z]{3,}$/.test(near) && !STOP.has(near) && vectors.rowOf(near) >= EXPANSION_RANK);
    neighbours.set(word, found);
  }
  return found;
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).map((w) => w.replace(/'s$/, ""));
}

/** In how many clauses each word occurs (the key "" holds the number of clauses). */
function clauseSpread(document: PolicyDocument): Map<string, number> {
  const spread = new Map<string, number>([["", 0]]);
  for (const clause of document.clauses.values()) {
    if (!clause.sentences.length) continue;
    spread.set("", spread.get("")! + 1);
    for (const w of new Set(wordsOf(clause.text))) spread.set(w, (spread.get(w) ?? 0) + 1);
  }
  return spread;
}

/** "such as promotional items, calendars or a box of chocolates" → each item, as the Code lists them. */
function examplesOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\b(?:such as|including|for example|e\.g\.,?|like)\s+([^.;:()]{3,160})/gi)) {
    // The list ends where the sentence goes on ("…, is prohibited", "…, provided they…").
    const list = match[1]!.split(/,?\s+(?:is|are|was|were|must|may|shall|should|will|provided|unless|which|that|from|to)\s/)[0]!;
    for (const item of list.split(/,\s*|\s+(?:and|or)\s+/)) {
      const trimmed = item.trim().replace(/^(?:a|an|the)\s+/i, "");
      if (trimmed.split(/\s+/).length <= 4 && /[a-z]{3}/i.test(trimmed) && !out.includes(trimmed)) out.push(trimmed);
    }
  }
  return out.slice(0, 8);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "_").split("_").filter((w) => w && !STOP.has(w)).slice(0, 3).join("_") || "clause";
}
