/** A numbered section of the Code, e.g. "3. Conflicts of Interest". */
export interface Section {
  id: string; // "3"
  title: string; // "Conflicts of Interest"
  /** The section's own prose (everything but its lettered items), paragraph by paragraph. */
  paragraphs: string[];
  /** Numbered clauses (4.1, 4.1.2) and lettered items (3(a), 4.1(a)), in document order. */
  items: Clause[];
}

/** Something an answer can cite: a whole section ("4"), a numbered clause ("4.1", "4.1.2") or a lettered item ("3(c)", "4.1(a)"). */
export interface Clause {
  id: string; // "3" or "3(c)"
  sectionId: string;
  title: string; // the section's title
  /** The numbered clause's own heading ("4.1 Gifts"), when it has one. */
  subTitle?: string;
  /** Exact text, as the Code words it (formatting markers removed). */
  text: string;
  sentences: string[];
}

export interface PolicyDocument {
  title: string;
  sections: Section[];
  /** Every citable clause: each section (its prose) and each lettered item. */
  clauses: Map<string, Clause>;
}

/** The approver roles every rules file may use; a rules file may declare more under `roles:`. */
export const ROLES = ["supervisor", "executive_officer", "officer", "president", "board", "audit_committee", "attorneys"] as const;
export type BuiltInRole = (typeof ROLES)[number];
/** A built-in role or one the rules file declares (lower_snake_case, e.g. "department_head"). */
export type ApproverRole = string;

export const VERDICTS = ["allowed", "needs_approval", "prohibited", "guidance", "report", "out_of_scope"] as const;
export type Verdict = (typeof VERDICTS)[number];
