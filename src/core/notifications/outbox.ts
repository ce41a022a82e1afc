/** One outbox notification as a delivery channel receives it: ids and kinds, never report content. */
export interface OutboxMessage {
  id: string;
  /** A person id, or SEALED_RECIPIENT (a reporter, sealed in the payload). */
  recipientId: string;
  kind: string;
  payload: unknown;
  /** Deliveries tried so far. */
  attempts: number;
  /** When it was written (a re-send looks in the chat's history since then for an earlier post of it). */
  createdAt: Date;
}

/** Thrown by a sender to ask for a later retry (429 Retry-After, 5xx, timeouts, recipient not reachable yet). */
export class RetryLater extends Error {
  constructor(message: string, readonly afterMs?: number) {
    super(message);
    this.name = "RetryLater";
  }
}
