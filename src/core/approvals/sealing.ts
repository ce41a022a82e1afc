// Approval contents at rest: the requester's words, the details and the people named are sealed
// under the report keys (src/core/crypto/keyring.ts), bound to their request, like a report.
import type { Keyring } from "../crypto/keyring.ts";
import type { RequestRecord } from "./records.ts";

export type ApprovalContent = Pick<RequestRecord, "summary" | "details" | "involvedIds">;

const aad = (requestId: string) => `approval:${requestId}:content`;

export function sealApproval(keyring: Keyring, requestId: string, content: ApprovalContent): string {
  const { summary, details, involvedIds } = content;
  return keyring.seal(JSON.stringify({ summary, details, involvedIds }), aad(requestId));
}

export function openApproval(keyring: Keyring, requestId: string, sealed: string): ApprovalContent {
  return JSON.parse(keyring.open(sealed, aad(requestId))) as ApprovalContent;
}
