// The baseline both benchmarks set beside the matcher: plain BM25 (MiniSearch) over the same clauses.
import MiniSearch from "minisearch";
import type { Answer } from "../src/core/advice/types.ts";
import type { Policy } from "../src/core/policy/load.ts";

export /** Plain BM25 over each clause's text: the best three clauses, no verdict (reported as guidance), nothing abstains. */
function bm25Baseline(p: Policy): (q: string) => Answer {
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: ["id"] });
  search.addAll([...p.document.clauses.values()].map((c) => ({ id: c.id, text: c.text })));
  return (question) => {
    const hits = search.search(question, { fuzzy: 0.2, prefix: true }).slice(0, 3);
    const clauses = hits.map((h) => ({ id: String(h.id), title: "", quote: "", score: h.score }));
    return { question, verdict: clauses.length ? "guidance" : "out_of_scope", approvers: [], clauses, answer: "" };
  };
}
