/**
 * A light English stemmer: enough to make "gifts", "gifted" and "gifting" one word, and "donate",
 * "donated", "donating" and "donation" another. Questions and the rules file's concepts go through
 * the same function, so it needs to be consistent, not linguistically exact.
 */
const IRREGULAR: Record<string, string> = {
  took: "take", taken: "take", gave: "give", given: "give", bought: "buy", sold: "sell", paid: "pay",
  lent: "lend", sent: "send", spent: "spend", kept: "keep", went: "go", gone: "go", made: "make",
  told: "tell", said: "say", saw: "see", seen: "see", felt: "feel", held: "hold", wrote: "write",
  written: "write", stole: "steal", stolen: "steal", hid: "hide", hidden: "hide", brought: "bring",
  drove: "drive", driven: "drive", ran: "run", won: "win", got: "get", gotten: "get", caught: "catch",
  thought: "think", found: "find", heard: "hear", met: "meet", knew: "know", known: "know", did: "do",
  does: "do", done: "do", was: "be", were: "be", is: "be", are: "be", am: "be", been: "be", being: "be",
  has: "have", had: "have", having: "have", lying: "lie", lied: "lie", using: "use", used: "use",
  uses: "use", children: "child", men: "man", women: "woman", people: "person", wives: "wife",
  lives: "life", leaving: "leave", left: "leave", shook: "shake", broke: "break", broken: "break",
  fell: "fall", wines: "wine", dealt: "deal", meant: "mean", led: "lead", owned: "own", owner: "own", owners: "own",
};

const KEEP = new Set(["this", "his", "its", "yes", "less", "unless", "across", "always", "perhaps", "thus", "whereas", "news", "gas", "bus", "series", "plus", "species", "analysis", "basis", "politics", "ethics", "business", "process", "access", "address", "boss", "class", "glass", "loss", "press", "miss", "wine"]);

/** Stems that would turn a content word into a function word ("notes" → "not"): such words keep their base form. */
const FUNCTION_WORDS = new Set(["not", "no", "nor", "us", "be", "in", "on", "at", "an", "as", "is", "it", "do", "so", "to", "or", "if", "of", "me", "we", "he", "she", "her", "his", "our", "the", "and", "for", "can", "may", "will", "who", "how"]);

export function stem(word: string): string {
  const base = IRREGULAR[word] ?? word;
  const stemmed = suffixes(base);
  if (stemmed === base || !FUNCTION_WORDS.has(stemmed)) return stemmed;
  return base.endsWith("s") && !base.endsWith("ss") ? base.slice(0, -1) : base;
}

function suffixes(word: string): string {
  if (word.length <= 2 || KEEP.has(word) || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|shes|ches|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ing") && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length >= 5 && !w.endsWith("eed")) w = undouble(w.slice(0, -2));

  if (/(al|ate|ent|ous|ive|ful|ic)ly$/.test(w)) w = w.slice(0, -2);
  if (/[ts]ion$/.test(w) && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith("ment") && w.length > 7) w = w.slice(0, -4);
  if (w.endsWith("e") && w.length > 3 && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-km-np-rtv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}
