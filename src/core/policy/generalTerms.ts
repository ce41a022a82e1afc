/**
 * General English vocabulary for any Code, used by drafted rules files (`conduct rules draft`):
 * everyday workplace matters no Code of Conduct decides (payroll, parking, passwords…), and words that
 * only come up with a conduct matter (fake, bribe, shred…). Not tied to one company; a reviewed rules
 * file keeps its own lists.
 */
export const NOT_COVERED_TERMS: string[] = [
  "cafeteria", "canteen", "menu", "vending machine", "coffee machine", "microwave", "payroll", "payday", "paycheck",
  "pay stub", "payslip", "direct deposit", "bank details", "w2", "w 2", "w4", "1099", "tax form", "withholding form",
  "withholding", "pto", "paid time off", "vacation days", "vacation balance", "time off", "sick day", "sick days",
  "sick leave", "leave of absence", "parental leave", "bereavement", "bereavement leave", "jury duty",
  "holiday schedule", "public holidays", "password", "log in", "login", "two factor", "2fa", "mfa", "authenticator",
  "vpn", "wifi", "wi fi", "outlook", "calendar sync", "install slack", "slack on my phone", "helpdesk", "help desk",
  "it ticket", "printer jam", "jammed", "laptop upgrade", "new laptop", "new monitor", "new keyboard", "new phone",
  "company phone", "phone upgrade", "parking", "parking spot", "parking permit", "parking garage", "badge",
  "keycard", "key card", "access card", "id card", "lost badge", "health insurance", "health plan", "medical plan",
  "dental", "vision plan", "vision insurance", "life insurance", "beneficiary", "fsa", "hsa", "401k",
  "retirement plan", "pension", "open enrollment", "enrollment", "benefits enrollment", "flu shot", "vaccine clinic",
  "dress code", "uniform", "uniforms", "steel toe", "boots allowance", "gym", "shuttle", "mailing address",
  "home address", "emergency contact", "name change", "business cards", "timesheet", "time sheet", "standing desk",
  "standing mat", "desk closer", "seating chart", "org chart", "performance review", "onboarding", "orientation",
  "new hire orientation", "certification class", "training class", "training schedule", "safety training",
  "annual training", "sign up for training", "lost and found", "book a room", "room booking", "reserve a room",
  "reserve the conference room", "meeting room", "visitor pass", "phone number", "company picnic", "potluck",
  "bowling night", "bowling league", "team outing schedule", "work from home", "remote work", "commute",
  "relocation", "office hours", "opening hours", "weather", "lunch menu", "air conditioning", "thermostat",
  "broken chair", "light bulb", "out of order", "maintenance request", "repair request", "facilities request",
  "handbook", "mileage rate", "book a flight", "flight booking", "travel portal", "travel booking", "travel agent",
  "book a hotel", "hotel booking", "hotel limit", "nightly limit", "per diem", "expense portal",
  "reimbursement form", "get reimbursed", "reimbursed for my", "tuition reimbursement", "lunch break",
  "longer lunch", "dentist", "doctor appointment", "doctor visit", "appointment", "snow day", "leave early",
  "leave work early", "come in late", "start late", "paid out", "payout", "boarding pass", "itinerary",
  "my vacation", "take vacation", "vacation request", "get a new", "need a new", "request a new", "second monitor",
  "replacement", "email signature", "webinar", "lunch hour", "wellness program", "office closures", "closures",
  "shift swap", "change my shift", "switch shifts",
];

export const ETHICS_TERMS: string[] = [
  "ethics", "ethical", "unethical", "code of conduct", "the code", "conflict of interest", "fake", "faked", "phony",
  "bogus", "false", "falsify", "forge", "forged", "fabricate", "made up", "lie", "lying", "lied", "mislead",
  "misleading", "cheat", "cheating", "steal", "stealing", "stole", "theft", "pocket", "pocketing", "skim",
  "skimming", "embezzle", "fraud", "scam", "bribe", "bribes", "bribery", "kickback", "kickbacks", "payoff",
  "under the table", "off the books", "hide", "hiding", "conceal", "cover up", "secret", "secretly", "keep it quiet",
  "hush", "shred", "shredding", "destroy", "toss out", "get rid of", "backdate", "inflate", "pad", "padding",
  "fudge", "cook the books", "doctor the books", "tamper", "pressure", "pressured", "threaten", "threatened",
  "retaliate", "retaliation", "harass", "harassment", "grope", "discriminate", "discrimination", "racist", "sexist",
  "slur", "bully", "illegal", "unlawful", "against the law", "against the rules", "insider", "tip off", "heads up",
  "rat out", "snitch", "whistleblower", "shady", "sketchy", "fishy", "dodgy", "improper", "inappropriate",
  "religious", "pregnant", "pregnancy", "racial", "disability", "disabled", "gender", "ethnic", "national origin",
  "sexual orientation", "personal gain", "loophole", "get around", "dodge", "get away with", "nobody will know",
  "no one will know", "look the other way", "wants me to", "told me to", "asked me to", "because she is",
  "because he is", "because they are", "since she is", "since he is", "is it legal", "is it ethical", "gift",
  "freebie", "perk", "comped", "side business", "side hustle", "moonlight", "drunk", "weed", "booze", "confidential",
  "proprietary", "leak", "stock tip", "competitor", "rival", "my own company", "family member", "relative",
];
