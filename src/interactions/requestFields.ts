import type { DetailField } from "../core/approvals/index.ts";

/** The facts an approval request may carry, labelled once: in the request form and wherever the request is shown. */
export const DETAIL_LABELS: Record<DetailField, string> = {
  amount: "Amount or value",
  currency: "Currency",
  giver: "Who gives it",
  organisation: "The other company (counterparty)",
  position: "Role held outside the Company",
  date: "Date (or start date)",
  endDate: "End date",
};
