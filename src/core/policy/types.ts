/** A numbered section of the Code, e.g. "3. Conflicts of Interest". */
export interface Section {
  id: string; // "3"
  title: string; // "Conflicts of Interest"
  /** The section's own prose (everything but its lettered items), paragraph by paragraph. */
  paragraphs: string[];
  /** Lettered items such as 3(a)…3(e), in document order. */
  items: Clause[];
}

/** Something an answer can cite: a whole section ("4") or one lettered item ("3(c)"). */
export interface Clause {
  id: string; // "3" or "3(c)"
  sectionId: string;
  title: string; // the section's title
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

export const ROLES = ["supervisor", "executive_officer", "officer", "president", "board", "audit_committee", "attorneys"] as const;
export type ApproverRole = (typeof ROLES)[number];

export const VERDICTS = ["allowed", "needs_approval", "prohibited", "guidance", "report", "out_of_scope"] as const;
export type Verdict = (typeof VERDICTS)[number];
