/**
 * Rows about a person (who they are on which platform, when the bot last heard from them) keep
 * only the day: a time to the second would line up with the case a reporter filed or wrote on at
 * that moment, and link them to it by a join.
 */
export function dayOf(at: Date = new Date()): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
