import type { Answer } from "../../core/advice/index.ts";
import type { ApprovalService, DetailField, NewApprovalRequest } from "../../core/approvals/index.ts";
import { checkDetail } from "../../core/approvals/input.ts";
import type { FormField, FormSpec } from "./form.ts";
import { createdText } from "./render/approval.ts";

const DETAIL_PROMPTS: Record<DetailField, string> = {
  amount: "What is it worth? A number",
  currency: "In which currency? A code like USD",
  giver: "Who gives it?",
  organisation: "Which company or organisation?",
  position: "Which position would you hold?",
  date: "When does it happen or start? YYYY-MM-DD",
  endDate: "When does it end? YYYY-MM-DD",
};

/** The details a request asks for: those the topic requires, with a currency whenever there is an amount. */
function detailFields(requires: readonly DetailField[]): FormField[] {
  const names = requires.flatMap((name): DetailField[] => (name === "amount" && !requires.includes("currency") ? ["amount", "currency"] : [name]));
  return names.map((name) => ({ name, prompt: DETAIL_PROMPTS[name], optional: !requires.includes(name), check: (text) => checkDetail(name, name === "amount" ? numberOrText(text) : text) }));
}

/** An approval request for the answer's topic, as prompted fields; the approvals core validates and routes it. */
export function requestForm(approvals: ApprovalService, requesterId: string, answer: Answer & { topicId: string }): FormSpec {
  const details = detailFields(approvals.settings.topic(answer.topicId).requires);
  const clause = answer.clauses[0];
  return {
    action: "Send the request",
    title: `Request approval${clause ? ` (clause ${clause.id}, ${clause.title})` : ""}. The request says who decides once it is sent.`,
    fields: [
      { name: "summary", prompt: `What are you asking for? Enter keeps "${answer.question}"`, optional: true },
      ...details,
      { name: "involved", prompt: "Anyone else the request names? Directory ids, separated by commas", optional: true },
    ],
    async submit(values) {
      const input: NewApprovalRequest = {
        requesterId,
        topicId: answer.topicId,
        summary: values.summary || answer.question,
        details: Object.fromEntries(details.filter((f) => values[f.name]).map((f) => [f.name, f.name === "amount" ? numberOrText(values[f.name]!) : values[f.name]])),
        involvedIds: (values.involved ?? "").split(/[,\s]+/).filter(Boolean),
      };
      const result = await approvals.request(input);
      if (result.kind === "created") return { ok: true, text: createdText(result.view) };
      const field = result.field?.replace(/^details\./, "").replace(/^involvedIds.*/, "involved");
      return field ? { ok: false, fieldErrors: { [field]: result.message } } : { ok: false, fieldErrors: {}, formError: result.message };
    },
  };
}

/** "150" → 150; anything else goes to the core as typed, which says what is wrong with it. */
function numberOrText(text: string): number | string {
  const n = Number(text.replace(/,/g, ""));
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}
