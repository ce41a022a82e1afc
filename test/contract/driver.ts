// The contract every surface passes: people of the example company (directory.example.yaml, by
// directory id) doing the user stories, and what each of them sees, as plain text.

/** Directory ids from directory.example.yaml. */
export type Person = "alex" | "helen" | "victor" | "grace" | "priya";

export interface RequestFields {
  amount: number;
  currency: string;
  giver: string;
}

export interface ReportFields {
  what: string;
  /** A report category (src/core/cases/categories.ts). */
  category: string;
  mode: "confidential" | "anonymous";
}

/** Whom to let decide one's approvals, until the end of which day (UTC); or stop delegating. */
export type Delegation = { to: Person; until?: string } | "stop";

export type Decision = { action: "approve" } | { action: "decline"; reason: string };

/** One surface, driven the way its platform drives it. Every method returns what the person sees. */
export interface Driver {
  /**
   * The surface's chat can be exported by workspace admins (Slack exports, Microsoft Purview): an
   * anonymous reporter's notifications there only say "You have a private update", and the
   * reporter reads the update (and replies) in the view its button opens.
   */
  privateUpdates: boolean;
  ask(person: Person, question: string): Promise<string>;
  /** 👍 (`helpful`) or 👎 on the person's last answer. */
  feedback(person: Person, helpful: boolean): Promise<string>;
  /** Requests the approval the person's last answer needs, filling in the surface's form. */
  requestApproval(person: Person, fields: RequestFields): Promise<string>;
  /** Notifications that reached the person since the last look (the worker is run first where a surface needs it). */
  inbox(person: Person): Promise<string>;
  /** The person's approval requests and those waiting for their decision (the surface's "requests" command). */
  requests(person: Person): Promise<string>;
  /** Decides the request (by reference, e.g. "AP-1") from what the surface gave the person to decide with. */
  decide(person: Person, reference: string, decision: Decision): Promise<string>;
  /** Names a delegate for the person's approvals (or stops), through the surface's delegate form. */
  delegate(person: Person, delegation: Delegation): Promise<string>;
  fileReport(person: Person, report: ReportFields): Promise<string>;
  /** Opens a case: as its handler, or as its reporter. */
  openCase(person: Person, caseNumber: string): Promise<string>;
  /** Writes on a case: the handler to the reporter, or the reporter to the handlers. */
  replyToCase(person: Person, caseNumber: string, text: string): Promise<string>;
  /** Acknowledges a case from the button its handlers got (someone else sends it from a copy). */
  acknowledge(person: Person, caseNumber: string): Promise<string>;
  /** Closes a case with an outcome, through the surface's close form. */
  closeCase(person: Person, caseNumber: string, outcome: "substantiated" | "unsubstantiated" | "referred"): Promise<string>;
  close(): Promise<void>;
}

export interface Surface {
  name: string;
  /** The real app on a fresh database with the example company, a manual clock and the worker stopped. */
  start(): Promise<Driver>;
}

/** Every string under a `text` (or `value`) key, in order: what a person reads of blocks, cards and views. */
export function visibleText(node: unknown, keys: readonly string[] = ["text"]): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      if (keys.includes(key) && typeof child === "string") out.push(child);
      else walk(child);
    }
  };
  walk(node);
  return out.join("\n");
}

export const CASE_NUMBER = /C-\d{4}-\d{4}/;
export const REFERENCE = /AP-\d+/;
