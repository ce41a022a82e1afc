// The benchmark's 100-document corpus: the real Code plus synthetic documents of the same shape, with
// rules files as rich as the real one, so every index lookup does real work. Shared by the latency
// run (ask.bench.ts) and the memory run (askMemory.ts), which must measure the same corpus.
import { readFileSync } from "node:fs";
import type { Policy } from "../src/core/policy/load.ts";
import { parsePolicy } from "../src/core/policy/parse.ts";
import { validateRules } from "../src/core/policy/rules.ts";

const SYNTHETIC_SECTIONS = 9;

/**
 * The real Code plus `extra` synthetic documents of a similar shape (9 sections, every other one with
 * three lettered items: about as many clauses as the real Code; the parser numbers sections up to 999)
 * and a rules file with facets, cues and examples, numbered on after the real sections. Their words
 * mix the real Code's vocabulary (so every index lookup does real work) with invented words.
 */
export function syntheticCorpus(base: Policy, extra: number): Policy {
  const realCode = readFileSync("policies/code-of-conduct.txt", "utf8");
  const random = mulberry32(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = [...new Set(realCode.toLowerCase().match(/[a-z]{4,}/g) ?? [])];
  const invented = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(["ka", "lo", "mi", "tu", "re", "sa", "vo", "ne", "pi", "du"])).join(""));
  const word = () => (random() < 0.4 ? pick(vocabulary) : pick(invented));
  const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
  const sentence = () => `${phrase(12 + Math.floor(random() * 12))}.`.replace(/^./, (c) => c.toUpperCase());

  const sections = [realCode.trim()];
  const raw = JSON.parse(JSON.stringify(base.rules)) as { topics: Array<Record<string, unknown>> } & Record<string, unknown>;
  let number = base.document.sections.length;
  for (let d = 0; d < extra; d++) {
    for (let s = 0; s < SYNTHETIC_SECTIONS; s++) {
      const id = String(++number);
      const items = s % 2 === 0 ? ["a", "b", "c"].map((l) => `- (${l}) ${sentence()} ${sentence()}`) : [];
      sections.push(`${id}. ${phrase(3)}\n\n${sentence()} ${sentence()} ${sentence()}\n\n${items.join("\n")}`);
      for (const clause of [id, ...(items.length ? [`${id}(a)`, `${id}(b)`, `${id}(c)`] : [])]) {
        raw.topics.push({
          id: `synthetic_${clause.replace(/\W/g, "_")}`,
          clause,
          verdict: pick(["allowed", "prohibited", "needs_approval", "guidance"]),
          summary: sentence(),
          concepts: { what: Array.from({ length: 25 }, () => phrase(1 + Math.floor(random() * 2))), context: Array.from({ length: 25 }, () => phrase(1 + Math.floor(random() * 2))) },
          cues: Array.from({ length: 5 }, () => phrase(1)),
          examples: [sentence(), sentence(), sentence()],
        });
      }
    }
  }
  const document = parsePolicy(sections.join("\n\n"));
  return { document, rules: validateRules(raw, document, "synthetic rules") };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
