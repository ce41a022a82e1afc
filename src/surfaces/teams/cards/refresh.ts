import type { Card } from "./elements.ts";

/**
 * Universal Actions: Teams refreshes a card automatically (its `refresh` action) only for the
 * users listed, so an approval card fetches its current state (decided: no buttons) when its
 * recipient looks at it again.
 */
export function withAutoRefresh(card: Card, userId: string | undefined): Card {
  return card.refresh && userId ? { ...card, refresh: { ...card.refresh, userIds: [userId] } } : card;
}
