import type { ApprovalService, ApprovalView, WaitingItem } from "../core/approvals/index.ts";
import type { Actor } from "./actor.ts";

/**
 * "My approval requests" (`/conduct requests`, Teams' `requests`, the console's /requests),
 * written once: what waits for the person's decision and their own requests, newest as the core
 * lists them, at most REQUESTS_LIMIT of each, with how many more there are.
 */

export const REQUESTS_LIMIT = 10;

export const REQUESTS_WORDS = {
  title: "Approval requests",
  waiting: "Waiting for your decision",
  mine: "Your approval requests",
  noneWaiting: "Nothing is waiting for your decision.",
  noneMine: "You have not requested any approvals.",
  none: "You have no approval requests, and none wait for your decision.",
  more: (n: number) => `…and ${n} more.`,
} as const;

export interface RequestsList {
  kind: "requests";
  waiting: WaitingItem[];
  mine: ApprovalView[];
  /** How many of each were left out. */
  moreWaiting: number;
  moreMine: number;
  /** Only the person sees it. */
  placement: "post";
}

export async function listRequests(approvals: Pick<ApprovalService, "listWaitingFor" | "listForRequester">, actor: Actor, limit = REQUESTS_LIMIT): Promise<RequestsList> {
  const [waiting, mine] = await Promise.all([approvals.listWaitingFor(actor.person.id), approvals.listForRequester(actor.person.id)]);
  return {
    kind: "requests",
    waiting: waiting.slice(0, limit),
    mine: mine.slice(0, limit),
    moreWaiting: Math.max(0, waiting.length - limit),
    moreMine: Math.max(0, mine.length - limit),
    placement: "post",
  };
}
