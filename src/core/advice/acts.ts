/**
 * Acts every Code of Conduct prohibits, whatever a topic would otherwise allow or let be approved,
 * each with a gloss in the words Codes use for it: the gloss helps find the clause that prohibits
 * the act when the question describes it in everyday words ("date the invoice for last month").
 */
interface Act {
  pattern: RegExp;
  gloss: string;
}

const W = "[a-z]+";
const ACTS: readonly Act[] = [
  {
    // Falsifying records: fake, forge, backdate, "date it for last month", "change the numbers".
    pattern: new RegExp(
      `\\b(backdat\\w*|falsif\\w*|fake[ds]?|forg(e|ed|es|ing)|fabricat\\w*|(change|changing|alter|altering|doctor|doctoring) the (date|dates|numbers|figures|records|invoice|books)|(date|dated|dating|put (a|the) date)\\b[^.]{0,40}\\b(last|previous|earlier|prior) (day|week|month|quarter|year|period)|(push|pushing|move|moving|shift|shifting|change|changing) (the )?([a-z]+ ){0,4}dates?\\b[^.]{0,30}\\b(back|forward|earlier|later)|(writ\\w*|wrote) off\\b[^.]{0,40}\\bas (damaged|lost|scrap|scrapped|broken|obsolete|spoiled|expired))\\b`,
    ),
    gloss: "false or artificial entries in the books and records",
  },
  {
    // Disguised payments: a cost recorded as something it is not.
    pattern: new RegExp(
      `\\b(disguis\\w*|mislabel\\w*|mark(ed|ing)? (a|an|the) ${W} (invoice|payment|expense) as|label(l?ed)? (as|it as) ${W} but|(code|coded|coding|book|booked|booking|record|recorded|log|logged|classify|classified|list|listed|label|labell?ed|put|expense|submit|charge|bill) (it|this|that|them|the ${W}( ${W})?|my ${W}( ${W})?|our ${W}( ${W})?) (down )?(as|under) (a |an )?${W}( ${W})? (expense|cost|costs|fee|fees|charge|payment|item|line)s?)\\b`,
    ),
    gloss: "payment used for any purpose other than that described by the documents supporting the payment",
  },
  {
    pattern: /\b(off the books|under the table|skim\w*|embezzl\w*|launder\w*|(separate|side|private|secret|slush) (account|fund|pot|kitty)|(nobody|no one) (reports on|checks|audits|knows about))\b/,
    gloss: "undisclosed or unrecorded fund or asset of the Company",
  },
  {
    pattern: /\b(kickbacks?|brib\w*|\d+ ?(percent|%) (of|on) (every|each|the|all) (order|orders|sale|sales|deal|deals|contract|invoice))\b/,
    gloss: "accepting gifts payments of significant value from those seeking to do business",
  },
  {
    // Quid pro quo: something of value given on condition of a business decision ("a fee so they pick us",
    // "a grant if they switch to our stents"); a discount or a price offered to win an order is not it.
    pattern: new RegExp(
      `\\b(pay|paying|paid|give|giving|gave|offer|offering|offered|promise|promising|promised|send|sending|slip|slipping|buy|buying|cover|covering|fund|funding|sponsor|sponsoring|treat|treating)\\b(?:(?!\\b(?:discount|discounts|rebate|rebates|price|prices|pricing|rate|rates|quote)\\b)[^.]){0,60}\\b(so|if|as long as|provided|once) (that )?(they|he|she|the ${W})( will| would| can| could)? (pick|picks|choose|chooses|select|selects|award|awards|switch|switches|renew|renews|recommend|recommends|prescribe|prescribes|sign with us|go with us|stay with us|keep buying|buy from us|order from us|use our|approve our|give us)\\b`,
    ),
    gloss: "bribery: offering any payment or anything of value to improperly influence a business decision, to induce or reward business",
  },
  {
    pattern: /\b(shred\w*|cover(ing)? (it )?up|(delete|deleting|destroy|destroying) (the |old )?(records|files|documents|emails|evidence))\b/,
    gloss: "records subject to review by auditors relevant information intentionally withheld",
  },
  { pattern: /\b(tip(ped|ping)? (him|her|them) off)\b/, gloss: "material information not known to the general public for personal gain" },
  {
    pattern: /\b(take|taking|took|bring|bringing|brought|send|sending|sent|show|showing|forward|forwarding|give|giving|share|sharing|email|emailing|copy|copying|download|downloading)\b[^.]{0,30}\b(samples?|prototypes?|files|documents|designs|drawings|client list|customer list|price list|pricing|data|specs|source code|formula|recipes?|blueprints?)\b[^.]{0,40}\b(competitor|rival|interview|new job|new employer)\b/,
    gloss: "trade secrets and confidential information improper access by competitors",
  },
  {
    // Working under the influence: every Code's safety or substance rule prohibits it.
    pattern: /\b(drunk|tipsy|hungover|stoned|intoxicated|under the influence|(smell\w*|reek\w*) (of|like) (alcohol|booze|beer|weed|pot|liquor))\b/,
    gloss: "working under the influence of alcohol or drugs is prohibited for safety",
  },
  { pattern: /\b(steal\w*|stole|theft|pocket(ed|ing|s)?)\b/, gloss: "use Company property for personal benefit theft" },
  {
    pattern: /\b(copy|copying|copied|install|installing|installed|put|putting|send|sending|share|sharing|give|giving)\b[^.]{0,40}\b(software|program|licensed|license|licence|app|tool)\b[^.]{0,40}\b(friend|buddy|cousin|relative|brother|sister|wife|husband|kid|neighbor|neighbour|startup|side business|personal)\b/,
    gloss: "software programs copied or transmitted to any third party for private usage",
  },
  { pattern: /\b(retaliat\w*)\b/, gloss: "retaliation because of a report made in good faith" },
  { pattern: /\b(approve (my|his|her|their) own)\b/, gloss: "transactions executed in accordance with management's authorization" },
];

/** "…investigate me if they think I stole tools" suspects the act; it does not ask to do it. */
const SUSPICION = /\b(if|whether|think|thinks|thought|suspect\w*|accus\w*|claim\w*|believe\w*)\b/;

export interface ProhibitedAct {
  /** The words of the question that name it ("backdate"). */
  words: string;
  gloss: string;
}

/** The first prohibited act the question names (lower-cased), unless it only suspects someone of it. */
export function prohibitedActIn(lower: string): ProhibitedAct | undefined {
  for (const act of ACTS) {
    const m = act.pattern.exec(lower);
    if (m && !SUSPICION.test(lower.slice(Math.max(0, m.index - 30), m.index))) return { words: m[0], gloss: act.gloss };
  }
  return undefined;
}
