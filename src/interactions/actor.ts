import type { Person } from "../core/directory/types.ts";

/**
 * The directory person an interaction runs for, identified once by the surface's identify
 * middleware before any interaction runs (never taken from a payload).
 */
export interface Actor {
  person: Person;
  /** The directory's one-time note for someone it just enrolled. */
  notice?: string;
}
