import { CASH_LIKE } from "./acts.ts";
import { amountIn } from "./amount.ts";
import { MATCH_LIMIT, words } from "./normalise.ts";

/** What the question's form says, independently of its subject. */
export interface Intent {
  /** "Who do I ask…", "I'm not sure whether…": the asker wants guidance. */
  seeksGuidance: boolean;
  /** "What counts as…", "Does the Code cover…", "Why does the Code…": the asker wants the rule explained, not a ruling on an act. */
  asksMeaning: boolean;
  /** "Who can approve…": the asker wants to know whose approval is needed. */
  asksWhoApproves: boolean;
  /** It describes misconduct by someone else (done to the asker or seen by them) and asks what to do. */
  describesMisconduct: boolean;
  /** The asker says they saw, heard or found out about it, or asks what to do: stronger than merely naming someone else. */
  witnessed: boolean;
  /** "Can I…", "Is it OK…": the asker wants to know whether they may do something themselves. */
  asksPermission: boolean;
  /** "I want to report…", "How do I report…", "If I report…": the asker means to report something. */
  wantsToReport: boolean;
  /** "How do I sign up…", "When is…", "Where do I…": a question about workplace logistics. */
  asksLogistics: boolean;
  /** Someone else did or does it ("the yard guy keeps taking…"), not merely wants or plans to. */
  othersAct: boolean;
  /** A report already made is part of the story ("I reported my boss and now…", "the guy who reported me"). */
  aboutReporting: boolean;
  /** Someone else only wants or plans it ("our CEO wants a personal loan"), and the asker saw nothing done. */
  plansOnly: boolean;
  /** It was done to the asker ("my shifts got cut after I reported…", "he keeps texting me"). */
  doneToMe: boolean;
  /** The asker's own supervisor is the one who did it or asked for it: never suggest asking them. */
  implicatesSupervisor: boolean;
  /** "What happens if I break the Code?", "Can I get fired for ignoring the rules?": what a breach leads to. */
  asksConsequences: boolean;
  /** "Did I break the rules?", "I already accepted it": asked after the act, when approval beforehand is no longer to be had. */
  afterTheFact: boolean;
  /** "Do I have to?", "Am I required to…": whether the asker must go along with something asked of them ("can I say no" asks leave, and stays one). */
  asksObligation: boolean;
  /** A supplier, customer or other business partner offers or gives the asker something ("vendor sent me…", "got … from a supplier"). */
  offeredToMe: boolean;
  /** The largest amount of money the question names ("a €120 speaker", "30 quid"), if any. */
  amount?: number;
  /** It names cash or a cash equivalent (a gift card, a voucher): Codes refuse those whatever the amount. */
  cashLike: boolean;
}

const WHO_TO_ASK =
  /\b(who|whom) (do|should|can|could|would|must|shall) (i|we) (ask|talk|speak|check|go|contact|turn|consult|call|email|see|get)\b|\bwho (answers|handles|advises|can advise|can help|can tell me)\b|\bwho to (ask|talk|contact|check|speak)\b|\bwhere (do|can|should) (i|we) (go|turn|ask|get)\b|\bwho (is|would be) the (right|best) person\b|\bwho else (can|could|should|do) (i|we) (go to|turn to|talk to|tell|ask)\b/;
/** A question about what the Code means or covers, as opposed to whether one may do something. */
const MEANING =
  /^(what (exactly )?(counts as|qualifies as|is considered|is meant by|are the rules|is the rule|is the policy|is the difference|rules? (apply|applies)|kinds? of|types? of|sorts? of|exactly is)|what does (the|our|this) (code|policy|company) (say|mean|expect|require|cover)|why (does|do|is|are) (the|our|this) (code|policy|company|rules?)|(does|do) (the|this|our) (code|policy|rules?) (cover|apply|say|mean|require)|who is responsible for|(explain|define|describe) )/;
const DOUBT = /\b(not sure|unsure|in doubt|uncertain|do not know whether|do not know if)\b/;
const WHO_APPROVES =
  /\bwho (can|could|must|should|has to|needs to|will|would|is allowed to|be allowed to) (approve|sign off|grant|authorize|authorise|waive|okay|ok|allow|permit|give permission|change)\b|\bwho approves\b|\bwhose (approval|permission|sign off)\b/;
const PERMISSION =
  /^(can|may|could|am|is|are|do|does|should|would) (i|we|my|our|the|a|an|it|that|this|there|you|employees|staff)\b|\b(is|be|would) (it|that|this) (ok|okay|allowed|fine|acceptable|legal|a problem|against)\b|\bam i allowed\b|\bwhat (can|may|should) (i|we) (say|tell|share|answer|disclose|mention)\b/;
const WHAT_TO_DO =
  /\b(what (should|can|do|must) (i|we) do|what are my options|how (do|can|should) (i|we) (report|handle)|where (do|can|should) (i|we) report|who (do|should|can) (i|we) (tell|report)|should (i|we) (say|do|tell|report|mention) (something|anything|someone|anyone)|should (i|we) (speak up|speak out))\b/;
/** "Do I have to say something?": what to do about someone else's act, when the question tells of one (about one's own stake it asks whether to disclose). */
const SAY_SOMETHING = /\b(do|must|would) (i|we) (have|need) to (say|tell|mention) (something|anything|someone|anyone)\b|\b(do|must) (i|we) (have|need) to (speak up|speak out)\b/;
const WITNESS =
  /^(pretty sure|i bet|seems like|looks like) (that )?(my|our|a|an|the|someone|somebody|he|she|they)\b|^(just )?(saw|seen|noticed|spotted|witnessed|found out|caught|discovered|walked in on|heard|overheard) (that )?(my |our |a |an |the |one of (my|our|the) )?([a-z]+ ){0,2}(someone|somebody|boss|manager|supervisor|coworker|colleague|lead|director|employee|officer|executive|guy|woman|man|person|worker|staff|rep|driver|accountant|clerk|controller|buyer|vp|ceo|cfo|intern|teammate|hire|he|she|they)\b|\bi (saw|see|noticed|notice|watched|spotted|witnessed|found out|find out|discovered|overheard|caught|suspect|heard|know that|think that|learned|just learned|realized|came across|walked in on)\b|\bi (think|believe|am pretty sure) (my|our|a|the|someone|he|she|they)\b|\b(told|tells) me (that )?(he|she|they)\b/;
const ACTOR =
  /^(my|our|a|an|the|one of my|one of our|one of the|another|some|this|that)? ?([a-z]+ ){0,2}(boss|manager|supervisor|coworker|co worker|colleague|team leader|team lead|shift lead|crew lead|leader|lead|superior|director|employee|officer|executive|ceo|cfo|coo|vp|foreman|teammate|buyer|accountant|controller|clerk|cashier|driver|technician|engineer|salesman|salesperson|intern|person|guy|woman|man|worker|staff|head|owner|consultant|contractor|admin|assistant|analyst|auditor|rep|member)s?\b|^(someone|somebody|he|she|they|people|everyone|colleague|coworker)\b/;
/** Wanting, planning or asking is not yet doing: "our CFO wants to lease…" is an approval question. */
const DESIRE = /\b(wants?|wanted|would like|plans?|planning|intends?|hopes?|is thinking|thinking of|thinking about|considering|asked (me )?(if|whether)|asking (if|whether|for)|is allowed|may|can(?! not)|could(?! not)|should|needs? to|(does|do|is|must) (he|she|they))\b/;
/** A supplier or customer offering something approaches the asker; the question is what to do with the offer. */
const COUNTERPARTY_OFFER =
  /^([a-z]+ ){0,3}(vendor|supplier|supplr|rep|contractor|customer|client|bidder|salesman|salesperson|distributor|broker|consultant)s?\b[^.]{0,40}\b(offered|offers|offering|sent|sends|gave|gives|dropped off|slipped|handed|invited|wants to give|wants to buy|keeps sending)\b/;
/** …unless the offer goes to someone else ("offering our staff kickbacks"). */
const OFFER_TO_OTHERS = /\b(offer\w*|gave|gives|sent|sends|slipp\w*|paying|pays|paid) (our|the|his|her|their) (staff|buyers?|purchasing|managers?|employees|people|guys|boss|directors?|team lead|engineers?)\b/;
/** "got a pen from a vendor", "was given tickets by a client": something received from a business partner. */
const RECEIVED_FROM = /\b(got|get|received|receive|was given|were given|was sent|were sent|accepted|accept|keep)\b[^.]{0,50}\b(from|by) (a|an|the|our|one of our|my|this|that)? ?([a-z]+ ){0,2}(vendor|supplier|contractor|customer|client|bidder|distributor|broker|consultant|partner|rep)s?\b/;
const approachesMe = (s: string) => DIRECTED_AT_ME.test(s) || (COUNTERPARTY_OFFER.test(s) && !OFFER_TO_OTHERS.test(s));
const REPORTED = /\b(i|we) (reported|complained|spoke up|flagged|raised it|blew the whistle)\b|\b(reported|complained about|flagged|turned in|told on|ratted on|ratted out|snitched on|went to hr about|went to management about) (me|us)\b|\b(filed|made|lodged|raised|put in|submitted) (a|an) (complaint|grievance|report|concern) (about|against|on) (me|us)\b/;
/** Someone else only wanting or planning it ("our CEO wants a personal loan"). */
const PLANS = /\b(wants?|wanted|would like|plans?|planning|intends?|hopes?|is thinking (of|about)|thinking (of|about)|considering|is about to)\b/;
/** Done to the asker: a harm aimed at "me"/"my …", or "I was / got …" treated badly. */
const DONE_TO_ME =
  /\b(hitting on|hit on|touch(ed|es|ing)?|grab(bed|s|bing)?|grop(ed|es|ing)|texting|harass(ed|es|ing)?|bully(ing)?|bullied|threaten(ed|s|ing)?|yell(ed|s|ing)? at|scream(ed|s|ing)? at|insult(ed|s|ing)?|mock(ed|s|ing)?|punish(ed|es|ing)?|retaliat(ed|es|ing)|demot(ed|es|ing)|exclud(ed|es|ing)|ignor(ed|es|ing)|blam(ed|es|ing)|comments about|jokes about|fired|moved|cut|docked) (me|my)\b|\b(i|me) (was|got|am being|have been|been|were) (passed over|fired|demoted|denied|refused|harassed|bullied|threatened|punished|excluded|written up|moved|sidelined|frozen out|paid less|told i|told that i|pulled off|taken off|removed from|kicked off|left off|cut from|reassigned|transferred)\b|\bi (reported|complained|spoke up|flagged|raised)\b[^.]{0,60}\b(and now|now i|since then|ever since|after that)\b|\bmy (shifts?|hours|pay|raise|review|bonus|promotion|schedule|desk|role) (got|was|were|has been|have been) (cut|cancell?ed|reduced|taken|denied|changed|moved|given)\b|\b(passed over|not promoted|fired|demoted) (because|since|after) i\b|\bbecause i (am|was|m) (pregnant|gay|disabled|black|muslim|jewish|old|a woman)\b/;
const OWN_SUPERVISOR = /\b(my|our) (immediate |direct |line |own )?(boss|manager|supervisor|team lead|team leader|lead|line manager|foreman|superior|shift lead)\b|^(boss|manager|supervisor) /;
const DIRECTED_AT_ME =
  /\b(asked|asks|ask|wants|want|told|tells|tell|pressured|pressures|pressuring|instructed|ordered|orders|expects|needs|wanted|asking) (me|us) to\b|\b(offered|offers|offering|sent|sends|gave|gives|slipped|handed|promised|invited|asked|asks|wants to give|wants to buy|wants to pay for|wants to take) (me|us|my team|our team|the team|the office|to the office)\b/;
const REPORT_ACT =
  /\b(i|we) (want to |need to |would like to |should |could |can |will |might |have to |must )?(report|whistleblow|blow the whistle|file a complaint|complain|flag|speak up|speak out|rat out|turn in|turned in|tell on|call the (ethics|compliance) (line|hotline))\b|\bif i (report|speak up|speak out|flag|call the hotline)\b|\b(how|where|who) (do|can|should|would) (i|we) (report|complain|flag|raise)\b|\bto whom (do|should|can) (i|we) report\b|\b(?<!(my|our|his|her|their|direct) )report(ing)? (it|this|him|her|them|my|a|an)\b|\b(rat|rats|ratting) (out|on)\b|\b(speaking|speak) (up|out) about\b|\b(ethics|compliance) (line|hotline)\b|\btell on\b|\b(take|bring|raise|escalate) (my|this|the|a|these|our) (concerns?|issues?|complaints?|worry|worries|suspicions?) (straight |directly )?(to|with|up with)\b/;
/** "Do I need to report it?" about one's own situation asks whether to disclose it, not to report misconduct. */
const DISCLOSE = /\b(do|would|will|should) (i|we) (need to|have to|must)? ?(report|disclose|declare|mention|tell anyone|tell someone)( it| this| that)?\b|\bshould i (disclose|declare)\b/;
const LOGISTICS =
  /^(how (do|can|would|should) (i|we) (get|join|sign up|enroll|enrol|register|request|order|book|reserve|submit|change|update|reset|set up|add|find|access|apply|schedule|fix|install|pick up|download|print|contact|reach|transfer|switch|renew|replace|cancel|search|export|import|sync|connect|share my screen|clear|turn off|mute|rename)|when (is|are|does|do|will|can)|where (is|are|do|can|should) (i|we|the|my|visitors)|what time|how (many|much|long|often)|what('?s| is| are) the (process|address|number|schedule|deadline|rate|limit|hours|phone|menu|wifi|wi fi)|who (handles|plans|organizes|is organizing|do i call|should i call|fixes|refills|runs|is in charge of))\b/;
const CONSEQUENCE = /\b(what happens|what will happen|what would happen|punish\w*|penalt\w*|consequences?|sanctions?|(get|be|being) (fired|sacked|dismissed|disciplined|in trouble)|lose (my|your|his|her|their) jobs?)\b/;
const BREACH = /\b(break|breaks|breaking|broke|broken|violat\w*|breach\w*|ignor\w*|not follow\w*|disobey\w*)\b[^.]{0,20}\b(code|rules|policy|policies)\b/;
const AFTER_THE_FACT =
  /\b(did|have) i (just )?(break|broken|breach|breached|violate|violated|do something wrong|done something wrong|do anything wrong|mess up|messed up|screw up|screwed up)\b|\bwas (that|it|this|i) (wrong|ok|okay|allowed|a problem|against|out of line|in breach)\b|\bi (already|just) (accepted|took|kept|signed|said yes|agreed|used|shared|told|sent|bought|sold|booked|paid|went)\b|\bam i in trouble\b/;
/** The elliptical "do I have to?" at the end of a sentence, or a plain question of being required to. */
const OBLIGATION =
  /\b(do|must) (i|we) (really )?(have|need) to( do (it|that|this)| go| answer| take part| participate| cooperate)?$|\b(am i|are we) (required|obliged|obligated|forced) to\b|\bdo (i|we) have a choice\b/;
const SENTENCE = /\s*\.\s*/;
/** A clause in which the asker asks about their own next step ("who should i talk to", "should we tell someone"). */
const OWN_QUESTION = /^(who|whom|what|where|how|should|do|does|can|could|would|must) (\w+ ){0,3}(i|we)\b/;
/** Words that open a sentence without being its subject or its form ("so my boss…", "what if the person…", "quick question, can i…"). */
const OPENER = /^(?:(?:what if|so|and|but|also|ok|okay|hey|hi|hello|um|well|honestly|basically|quick question|question|random question|serious question) )+/;
const CLAUSE = /[,;:]|\s[-–—]\s/;
/** After a comma only a plain request for leave ("…, can I keep it", "…, is that ok") is the question's form. */
const PERMISSION_AFTER_COMMA = /^(can|could|may|should) (i|we)\b|^(do|does) (i|we) (need|have) to\b|^(is|would) (it|that|this) (ok|okay|allowed|fine|acceptable|legal|a problem)\b|^(ok|okay|fine|allowed) to\b/;
/** Asking the room for a thing, a tip or a time ("anyone got…", "recommendations anyone", "can someone lend…"). */
const CHATTER =
  /^(does |do |has )?(anyone|anybody|someone|somebody|any of you) (got|have|has|want|wanna|seen|know|recommend|free|up for|around|coming|going|joining|interested)\b|\b(recommendations|recs|suggestions|tips) (anyone|please|for)\b|^(can|could) (anyone|anybody|someone|somebody) (recommend|lend|help|send|share|tell|point)\b|^who (gets|is on|is organi[sz]ing|is running|wants in|is in)\b/;

export function readIntent(question: string): Intent {
  const sentences = words(question).join(" ").split(SENTENCE).map((s) => s.trim().replace(OPENER, "")).filter(Boolean);
  const text = sentences.join(" . ");
  // "i heard the company wants the lot next door, could i buy it first": a clause after a comma can carry the question's form.
  const clauses = question.slice(0, MATCH_LIMIT).split(CLAUSE).flatMap((c) => words(c).join(" ").split(SENTENCE)).map((c) => c.trim()).filter(Boolean);
  const whatToDo = WHAT_TO_DO.test(text) || (SAY_SOMETHING.test(text) && sentences.some((s) => WITNESS.test(s) || (ACTOR.test(s) && !approachesMe(s))));
  const witnessedVerb = sentences.some((s) => WITNESS.test(s));
  // "Do I need to report it?" about one's own stake is a disclosure question, unless they saw someone else do wrong.
  const wantsToReport = REPORT_ACT.test(text) && (witnessedVerb || !DISCLOSE.test(text));
  // Asking how to report, or what to do, is not asking leave to do something oneself.
  const asksPermission = (sentences.some((s) => PERMISSION.test(s)) || clauses.some((c) => PERMISSION_AFTER_COMMA.test(c))) && !whatToDo && !wantsToReport;
  const witnessed = witnessedVerb || whatToDo;
  const describes = sentences.some((s) => ACTOR.test(s) && !approachesMe(s)) || witnessedVerb;
  const doneToMe = DONE_TO_ME.test(text);
  // "my coworker keeps taking supplies home, who should i talk to" is someone doing it: the asker's own
  // "should" in a question of their own after the comma does not make it a plan (another's "wants" does).
  const planned = clauses.some((c) => DESIRE.test(c) && !OWN_QUESTION.test(c));
  const othersAct = sentences.some((s) => ACTOR.test(s) && !approachesMe(s) && !DESIRE.test(s)) || (!planned && clauses.some((c) => ACTOR.test(c.replace(OPENER, "")) && !approachesMe(c)));
  const amount = amountIn(question.slice(0, MATCH_LIMIT));
  const supervisorInvolved = OWN_SUPERVISOR.test(text) && (describes || doneToMe || DIRECTED_AT_ME.test(text) || /\b(is the one|is involved|did it|is doing)\b/.test(text));
  return {
    seeksGuidance: WHO_TO_ASK.test(text) || DOUBT.test(text),
    asksMeaning: sentences.some((s) => MEANING.test(s)) && !asksPermission && !witnessed && !wantsToReport,
    asksWhoApproves: WHO_APPROVES.test(text),
    describesMisconduct: describes && !asksPermission,
    witnessed: witnessed && !asksPermission,
    asksPermission,
    wantsToReport,
    asksLogistics: clauses.some((c) => LOGISTICS.test(c) || CHATTER.test(c)) && !wantsToReport && !witnessed,
    othersAct: othersAct && !asksPermission,
    aboutReporting: REPORTED.test(text),
    plansOnly: !othersAct && !witnessed && sentences.some((s) => ACTOR.test(s) && !approachesMe(s) && PLANS.test(s)),
    doneToMe,
    implicatesSupervisor: supervisorInvolved,
    asksConsequences: CONSEQUENCE.test(text) && BREACH.test(text),
    afterTheFact: AFTER_THE_FACT.test(text),
    offeredToMe: sentences.some((s) => (COUNTERPARTY_OFFER.test(s) && !OFFER_TO_OTHERS.test(s)) || RECEIVED_FROM.test(s)),
    asksObligation: sentences.some((s) => OBLIGATION.test(s)),
    ...(amount !== undefined && { amount }),
    cashLike: CASH_LIKE.test(question.slice(0, MATCH_LIMIT).toLowerCase()),
  };
}
