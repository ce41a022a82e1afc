/**
 * Platform deliveries already handled (events, signed requests, modal submissions, activities), so
 * each runs once on every replica: the first claim of a key wins, later deliveries of it lose.
 * src/store/processedEvents.ts keeps them in the database.
 */
export interface ProcessedEvents {
  /** True only when none of `keys` was claimed before (keys of one delivery are claimed together). */
  claim(keys: readonly string[]): Promise<boolean>;
  /** Gives a claim back, so the next delivery is handled (the first attempt did not complete). */
  release(key: string): Promise<void>;
}
