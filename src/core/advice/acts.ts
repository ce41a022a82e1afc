/**
 * Acts every Code of Conduct prohibits, whatever a topic would otherwise allow or let be approved,
 * each with a gloss in the words Codes use for it: the gloss helps find the clause that prohibits
 * the act when the question describes it in everyday words ("date the invoice for last month").
 */
interface Act {
  pattern: RegExp;
  gloss: string;
  /** Prohibited only because of what it is worth: a topic with value thresholds decides by the amount instead. */
  byValue?: boolean;
}

const W = "[a-z]+";
/** Cash and what spends like it, as a gift is named: one list for the prohibited gift and for CASH_LIKE. */
const CASH_EQUIVALENTS = String.raw`gift ?cards?|gift vouchers?|vouchers?|cash|prepaid (cards?|visa)|visa (gift )?cards?|amazon (cards?|credit|vouchers?)|bitcoin|crypto\w*`;
const ACTS: readonly Act[] = [
  {
    // Falsifying records: fake, forge, backdate, "date it for last month", "change the numbers".
    pattern: new RegExp(
      `\\b(backdat\\w*|falsif\\w*|fake[ds]?|forg(e|ed|es|ing)|fabricat\\w*|(change|changing|alter|altering|doctor|doctoring) the (date|dates|numbers|figures|records|invoice|books)|(date|dated|dating|put (a|the) date)\\b[^.]{0,40}\\b(last|previous|earlier|prior) (day|week|month|quarter|year|period)|(put|putting|write|writing|use|using|enter|entering) (last|previous|earlier|the previous|the prior|yesterday)('?s)? (day|week|month|quarter|year|period)?('?s)? ?dates?|(push|pushing|move|moving|shift|shifting|change|changing) (the )?([a-z]+ ){0,4}dates?\\b[^.]{0,30}\\b(back|forward|earlier|later)|(writ\\w*|wrote) off\\b[^.]{0,40}\\bas (damaged|lost|scrap|scrapped|broken|obsolete|spoiled|expired))\\b`,
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
    // Trading ahead of news one knows of: shares bought or sold before results, a deal or an announcement.
    pattern: /\b((buy|buying|bought|sell|selling|sold|trade|trading|traded|dump|dumping|load up on)\b[^?!]{0,40}\b(shares|stock|stocks|options)\b[^?!]{0,50}\b(before|ahead of)\b[^?!]{0,30}\b(results|earnings|announcement|announced|merger|takeover|acquisition|deal|news|public|release)|(about to|going to|is going to|are going to) (win|announce|sign|close|acquire|merge|buy|report)\b[^?!]{0,80}\b(buy|sell|trade)\b[^?!]{0,20}\b(shares|stock|stocks))\b/,
    gloss: "insider trading: must not use for personal gain material information not known to the general public",
  },
  {
    // Taking part in hiring, managing or paying one's own relative (not their firm: placing business can be approved).
    pattern: /\b(interview|interviewing|hire|hiring|recruit|recruiting|promote|promoting|sit on|sitting on|set|setting|approve|approving|decide|deciding)\b[^.?!]{0,20}\b(my|his|her) (own )?(brother in law|sister in law|cousin|nephew|niece|brother|sister|son|daughter|wife|husband|partner|girlfriend|boyfriend|uncle|aunt|mum|mom|dad|father|mother|relative)\b(?!'?s\b| in laws?\b)/,
    gloss: "conflict of interest: taking part in hiring, managing or paying a relative or family member",
  },
  {
    pattern: /\b(take|taking|took|bring|bringing|brought|send|sending|sent|show|showing|forward|forwarding|give|giving|share|sharing|email|emailing|copy|copying|download|downloading)\b[^.]{0,30}\b(samples?|prototypes?|files|documents|designs|drawings|client list|customer list|price list|pricing|data|specs|source code|formula|recipes?|blueprints?)\b[^.]{0,40}\b(competitor|rival|interview|new job|new employer)\b/,
    gloss: "trade secrets and confidential information improper access by competitors",
  },
  {
    // The same told the other way round: "an interview at a competitor, can I bring samples of my work".
    pattern: /\b(competitor|competitors|rival|rivals|interview|new job|new employer)\b[^.]{0,60}\b(take|taking|bring|bringing|send|sending|show|showing|forward|forwarding|give|giving|share|sharing|email|emailing|copy|copying|download|downloading)\b[^.]{0,30}\b(samples?|prototypes?|files|documents|designs|drawings|client list|customer list|price list|pricing|data|specs|source code|formula|recipes?|blueprints?)\b/,
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
  {
    // Records filled in after the fact with what they should have said: falsified, however ordinary the numbers.
    pattern: /\b(fill|filling|write|writing|put|putting|enter|entering|log|logging)\b[^.?!]{0,20}\bwith (normal|typical|usual|made up|fake|estimated|average|the same|plausible|expected|good) (numbers|readings|figures|values|temps|temperatures|data|results|scores)\b/,
    gloss: "false or artificial entries in the books and records",
  },
  {
    // Turning people away for who they are: sex, age, race, religion, disability, pregnancy.
    pattern: /\b(won't|wont|will not|would not|wouldn't|refuses? to|refusing to|never|not|don't|dont|doesn't|doesnt|rather not|only) (hire|hiring|promote|promoting|employ|interview|pay|select|pick|consider|want)\b[^.?!]{0,20}\b(women|woman|men|females?|males?|older|younger|old people|young people|black|white|asian|muslims?|jews|jewish|christians|gay|lesbian|trans|pregnant|disabled|immigrants|foreigners|mothers|mums|moms)\b/,
    gloss: "discrimination: selection and placement without regard to race religion national origin sex age or disability",
  },
  {
    // Work done for the employer claimed as one's own: patented, licensed or sold "myself".
    pattern: /\b(patent|patenting|license|licensing|licence|sell|selling|trademark|copyright)\b (it|them|this|that|the \w+|my \w+) (myself|for myself|personally|as my own|in my (own )?name|on my own)\b/,
    gloss: "inventions and intellectual property made at work belong to the company, company property not for personal benefit",
  },
  { pattern: /\b(retaliat\w*|get back at|get even with|pay (him|her|them) back|payback for)\b/, gloss: "retaliation because of a report made in good faith" },
  {
    // A cost booked as something it is not, told by the contrast itself ("as training fees when it's really a
    // thank-you", "through as software so it doesn't hit the budget"): the category words are the asker's.
    pattern: new RegExp(
      `\\b(as|under) (a |an |the )?(${W} ){0,3}${W}\\b[^.?!]{0,40}\\b(when (it|it's|its|it is|they|they're|they are) (really|actually|in fact)|but (it's|its|it is|it was|they're|they are) (really|actually)|so (it|that|they|this) (does not|doesn't|doesnt|won't|wont|will not|isn't|is not|isnt) (show|look|hit|eat|count|get|come|go|appear|blow)|so (nobody|no one|noone|finance|accounting|audit|the auditors) (notices|sees|asks|knows|will|won't|wont|can))`,
    ),
    gloss: "payment used for any purpose other than that described by the documents supporting the payment false entries",
  },
  {
    // An invoice, bill or claim made bigger than it is.
    pattern: /\b(inflat\w*|pad|padd\w*|bump\w*( up)?|overbill\w*|overcharg\w*|mark\w* up|top\w* up)\b (the |his |her |their |our |my |an |a |its )?(\w+ )?(invoice|invoices|bill|bills|claim|claims|expense report|expense claim|mileage|hours|timesheet)\b/,
    gloss: "false or artificial entries in the books and records",
  },
  {
    // Money coming back to the person who places the business: a cut, the extra, "back to me".
    pattern: /\b(send|sends|sending|give|gives|giving|pay|pays|paying|kick|kicks|kicking|hand|hands|handing|split|splitting|wire|wiring|transfer|transferring|slip|slipping|funnel|funnelling|funneling)\b[^.?!]{0,40}\b(back to me|back to us|back my way|me a cut|us a cut|me a share|a cut of|a share of the|my cut|to me personally|to me on the side|back to my|into my (own |personal )?account)\b/,
    gloss: "kickback: accepting gifts payments of significant value from those seeking to do business",
  },
  {
    // Money that makes something happen ("€50 in cash would get the papers stamped", "a tenner would make
    // the visit go smoother"): a bribe or a facilitation payment.
    pattern: /(\b(cash|money|payment|tenner|fiver|bung|backhander|envelope)|[$€£] ?\d+)\b[^.?!]{0,30}\b(would|will|could|might|to) (get|make|speed|smooth|hurry|sort|fix|push|clear|grease|move|buy|keep)\b/,
    gloss: "bribery: offering any payment or anything of value to an official to improperly influence a decision, facilitation payments",
  },
  {
    // Gifts of cash or its equivalents: most Codes refuse them whatever the amount.
    pattern: new RegExp(`\\b(accept|accepting|keep|keeping|receive|receiving|got|get|(offered|offers|offering|give|gives|gave|giving|send|sends|sent|venmo|wire|pay|paid|slipped|handed) (me|us))\\b[^.?!]{0,40}\\b(${CASH_EQUIVALENTS}|cash app|money order|envelope of cash)\\b`),
    gloss: "cash cash equivalents gift cards vouchers gifts payments of significant value must never be accepted",
    byValue: true,
  },
  {
    // Sexual remarks or touching someone else suffers: harassment, whoever tells it.
    pattern: /\b((comment|comments|commenting|remark|remarks|joke|jokes|joking) (about|on) (her|his|their|the|a|an|my|our)? ?(\w+'s |\w+ ){0,2}(body|bodies|looks|figure|weight|chest|breasts|legs|butt|appearance|outfit|outfits)|grop\w*|hitting on|sexual (comments|jokes|remarks|advances|messages)|unwanted (advances|touching|attention|texts|messages))\b/,
    gloss: "sexual harassment in the workplace will not be tolerated",
  },
  {
    // Turning away business one's employer could have and sending it to oneself or one's own people.
    pattern: /\b(send|sending|refer|referring|pass|passing|steer|steering|divert\w*|redirect\w*|funnel\w*|hand|handing|give|giving|point|pointing)\b (him|her|them|my \w+|his \w+) (the |our |those |some |any |all )?(\w+ )?(customers|clients|leads|enquiries|inquiries|prospects|referrals|opportunity|opportunities)\b/,
    gloss: "diverting from the Company a business opportunity competing with the Company",
  },
  {
    // Letting others in on a login, or handing out one's own: access the Code does not grant.
    pattern: /\b((let|lets|letting|allow|allows|allowing)\b[^.?!]{0,40}\b(use|using|into|onto) (my|his|her|their|our|the) (login|log in|password|credentials|account|badge|access card)|(shar\w*|lend\w*|giv\w*|hand\w* out|tell\w*) (my|our) (login|log in|password|passwords|credentials|pin|badge|access card))\b/,
    gloss: "must not share credentials or give others improper access to confidential information",
  },
  {
    // Going through someone else's things oneself: searches are the Company's, by lawful methods.
    pattern: /\b(search|searching|go through|going through|look through|looking through|look in|looking in|rummag\w*|check|checking|open|opening|snoop\w*|dig through|read|reading)\b (his|her|their|someone's|somebody's|a coworker's|a colleague's|my (\w+ )?(coworker's|colleague's|teammate's|co worker's)|\w+'s) (\w+ )?(locker|bag|backpack|desk|drawer|drawers|purse|wallet|phone|car|email|emails|messages|belongings|stuff|things)\b/,
    gloss: "searches investigation of theft of company property or property of any employee",
  },
  {
    // Weapons at work: every Code's security rule restricts them.
    pattern: /\b(gun|guns|handgun|handguns|firearm|firearms|pistol|pistols|rifle|rifles|shotgun|weapon|weapons|taser|crossbow)\b/,
    gloss: "possession of firearms on company property is prohibited or restricted",
  },
  { pattern: /\b(approve (my|his|her|their) own)\b/, gloss: "transactions executed in accordance with management's authorization" },
];

/** Cash or its equivalents, named anywhere: their value is no defence in most Codes. */
export const CASH_LIKE = new RegExp(`\\b(${CASH_EQUIVALENTS}|money order|cheque|check for)\\b`);

/** Someone who reported or complained… */
const REPORTER = /\b(who|that|since|after|because) (he |she |they )?(reported|complained|filed a complaint|made a complaint|raised a concern|went to hr|blew the whistle|spoke up|flagged)\b|\b(filed|made|lodged|raised|put in) (a|an) (complaint|grievance|report|concern) (about|against|on) (me|us)\b|\b(reported|complained about|ratted on|snitched on|went to hr about) (me|us)\b/;
/** …and something done to them for it: retaliation, in any words. */
const ADVERSE = /\b(drop|dropping|remove|removing|take|taking|kick|kicking|cut|cutting|fire|firing|sack|sacking|demote|demoting|move|moving|transfer|transferring|exclude|excluding|freeze|freezing|punish|punishing|sideline|sidelining|write|writing|pass|passing|skip|skipping|give|giving) (him|her|them)\b/;

/** Politics… */
const POLITICAL = /\b((election|electoral|political|re election|reelection|presidential|mayoral|senate|party) campaign|campaign (posters?|signs?|flyers?|leaflets?|stickers?|badges?|rally|event|office|donations?|contributions?|fund)|campaigning for|candidate|candidates|political|politics|party rally|rally|election|electioneering|fundraiser|fundraising for|petition|councillor|councilor|senator|mayor|congressman|congresswoman|mp)\b/;
/** …done on the Company's time, premises or resources: the Code asks for one's own time and money. */
const AT_WORK = /\b(at work|in the office|at the office|canteen|cafeteria|break room|breakroom|lobby|staff room|shop floor|on site|onsite|premises|during (work|my shift|the shift|working hours|office hours)|on (company|work) time|(company|work|office|corporate|store|firm's|company's) (email|emails|van|vans|car|cars|printer|printers|phone|account|accounts|resources|letterhead|funds|money|budget|card|website|social media|mailing list|time))\b/;

/** "I won't use any company money": what the asker rules out is not what they ask to do. */
const NEGATED = /\b(not|won't|wont|will not|never|no|without|outside|off|instead of)\b/;

/** "…investigate me if they think I stole tools" suspects the act; it does not ask to do it. */
const SUSPICION = /\b(if|whether|think|thinks|thought|suspect\w*|accus\w*|claim\w*|believe\w*)\b/;

export interface ProhibitedAct {
  /** The words of the question that name it ("backdate"). */
  words: string;
  gloss: string;
  /** See Act.byValue. */
  byValue?: boolean;
}

/** The first prohibited act the question names (lower-cased), unless it only suspects someone of it. */
export function prohibitedActIn(lower: string): ProhibitedAct | undefined {
  const reporter = REPORTER.exec(lower);
  const against = reporter && ADVERSE.exec(lower);
  if (against) return { words: against[0], gloss: "no reporting person will suffer retaliation because of a report made in good faith" };
  const political = POLITICAL.exec(lower);
  const atWork = political && AT_WORK.exec(lower);
  if (atWork && !NEGATED.test(lower.slice(Math.max(0, atWork.index - 30), atWork.index))) return { words: `${political[0]} … ${atWork[0]}`, gloss: "political activities on the employee's own time and own expense: no company funds assets or premises for a political party or candidate" };
  for (const act of ACTS) {
    const m = act.pattern.exec(lower);
    if (m && !SUSPICION.test(lower.slice(Math.max(0, m.index - 30), m.index))) return { words: m[0], gloss: act.gloss, ...(act.byValue && { byValue: true }) };
  }
  return undefined;
}
