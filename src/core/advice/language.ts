/**
 * Tells whether a question is written in English. The bot answers in English only, so anything
 * else gets a clear reply instead of a guess. Non-Latin scripts are caught by their letters,
 * Latin-script languages by their most common function words.
 */
const ENGLISH = new Set(
  "the a an is are can i my to of in on for with do does what who how it this that we you our be have and or not at from if should may me was will".split(" "),
);
const OTHER = new Set(
  ("el la los las que de del y en un una por para con es puedo mi se lo al como qué cuál está son pero mis sus " + // es
    "le les des du et est je une pour avec dans qui pas mon ma peux sur au aux ce cette nous vous être " + // fr
    "der das und ist ich nicht ein eine mit für auf den dem von zu kann mein darf wie wir sie oder " + // de
    "os um não com eu posso meu minha é da dos das em uma você " + // pt
    "il gli di che è per non mio sono della questo " + // it
    "het een ik niet mijn van voor met op") // nl
    .split(" "),
);

export function isEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (!letters.length) return true;
  const latin = letters.filter((c) => /[A-Za-z\u00C0-\u024F]/.test(c)).length;
  if (latin / letters.length < 0.5) return false;
  const tokens = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let english = 0;
  let other = 0;
  for (const t of tokens) {
    if (ENGLISH.has(t)) english++;
    else if (OTHER.has(t)) other++;
  }
  return !(other >= 2 && other > english);
}
