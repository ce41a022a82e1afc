import type { Clock } from "../clock.ts";

/**
 * How fast one person may ask and file (ASKS_PER_MINUTE, REPORTS_PER_DAY): the one rule every
 * surface applies, with the polite answer it gives. Counted in this process's memory on purpose:
 * a table of who asked or filed when would itself link reporters to cases, so nothing is stored
 * (with several replicas each counts on its own, which only makes the limit looser).
 */
export interface RateLimitSettings {
  asksPerMinute: number;
  reportsPerDay: number;
}

export const TOO_MANY_QUESTIONS = "You have asked a lot of questions in a short time. Please wait a minute, then ask again.";
export const TOO_MANY_REPORTS =
  "You have filed several reports today, which is as many as this channel takes from one person in a day. Nothing was sent; your text is kept below. Please file again tomorrow, or contact the ethics officer directly if it cannot wait.";

export interface RateLimiter {
  /** Whether `who` may act now (their earlier actions in the window are below the limit). */
  allows(who: string): boolean;
  /** Counts one action by `who`. */
  record(who: string): void;
  /** Counts one action by `who` if `allows` it, and says whether it did (asking: check and count at once). */
  take(who: string): boolean;
}

export interface RateLimits {
  asking: RateLimiter;
  filing: RateLimiter;
  /** Receipt checks: as many a minute as questions. */
  checking: RateLimiter;
}

export function createRateLimits(settings: RateLimitSettings, clock: Clock): RateLimits {
  return {
    asking: slidingWindow(settings.asksPerMinute, 60_000, clock),
    filing: slidingWindow(settings.reportsPerDay, 86_400_000, clock),
    checking: slidingWindow(settings.asksPerMinute, 60_000, clock),
  };
}

/** The limit is on the last `windowMs`: at most `max` actions, each forgotten once older than that. */
function slidingWindow(max: number, windowMs: number, clock: Clock): RateLimiter {
  const times = new Map<string, number[]>();
  const recent = (who: string, now: number) => {
    const kept = (times.get(who) ?? []).filter((t) => t > now - windowMs);
    if (kept.length) times.set(who, kept);
    else times.delete(who); // nobody is remembered longer than the window
    return kept;
  };
  const limiter: RateLimiter = {
    allows: (who) => recent(who, clock.now().getTime()).length < max,
    record(who) {
      const now = clock.now().getTime();
      times.set(who, [...recent(who, now), now]);
    },
    take(who) {
      if (!limiter.allows(who)) return false;
      limiter.record(who);
      return true;
    },
  };
  return limiter;
}

/** The limits the README documents, for a core built without settings (tests, tools). */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = { asksPerMinute: 20, reportsPerDay: 10 };
