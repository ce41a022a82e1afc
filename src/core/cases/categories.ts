/**
 * What a report can be about, and the Code section each category maps to. The sections are those
 * of the shipped Code (policies/code-of-conduct.txt); another company's Code passes its own table
 * to createCaseService({ categories }).
 */
export interface CategoryDef {
  label: string;
  /** The Code section, or null for "other". */
  section: string | null;
  /**
   * Accounting, auditing, internal controls, disclosure and insider trading: SOX 301 requires the
   * Audit Committee to receive these, so they default to it and it is always among the handlers.
   */
  auditCommittee: boolean;
}

export const CATEGORIES = [
  "accounting",
  "disclosure",
  "insider_trading",
  "conflicts_gifts",
  "company_property",
  "political",
  "confidential_information",
  "harassment_discrimination",
  "drugs_alcohol",
  "retaliation",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type CategoryTable = Record<Category, CategoryDef>;

export const DEFAULT_CATEGORIES: CategoryTable = {
  accounting: { label: "Accounting records, auditing or internal controls", section: "5", auditCommittee: true },
  disclosure: { label: "Disclosures in SEC reports and public communications", section: "11", auditCommittee: true },
  insider_trading: { label: "Insider trading", section: "12", auditCommittee: true },
  conflicts_gifts: { label: "Conflicts of interest, gifts", section: "3", auditCommittee: false },
  company_property: { label: "Use of company property or services", section: "4", auditCommittee: false },
  political: { label: "Political contributions", section: "6", auditCommittee: false },
  confidential_information: { label: "Trade secrets and confidential information", section: "7", auditCommittee: false },
  harassment_discrimination: { label: "Harassment or discrimination", section: "8", auditCommittee: false },
  drugs_alcohol: { label: "Drugs or alcohol", section: "9", auditCommittee: false },
  retaliation: { label: "Retaliation for a report", section: "1", auditCommittee: false },
  other: { label: "Something else", section: null, auditCommittee: false },
};
