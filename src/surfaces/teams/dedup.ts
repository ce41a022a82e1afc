import type { Activity } from "botbuilder";
import type { ProcessedEvents } from "../../core/processedEvents.ts";

/**
 * The de-duplication key of an activity. Teams message ids are only unique within a
 * conversation (channel posts use timestamps), so the conversation is part of the key.
 */
export function eventKey(activity: Partial<Activity>): string | undefined {
  if (!activity.id) return undefined;
  return `teams:${activity.id}:${activity.conversation?.id ?? ""}`;
}

export interface ActivityClaims {
  /** True the first time this activity is seen (on any replica); activities without an id always pass. */
  claim(activity: Partial<Activity>): Promise<boolean>;
  /** Gives a claimed activity back after a failed turn, so the channel's retry is handled. */
  release(activity: Partial<Activity>): Promise<void>;
}

export function activityClaims(events: ProcessedEvents): ActivityClaims {
  return {
    async claim(activity) {
      const key = eventKey(activity);
      return key === undefined ? true : events.claim([key]);
    },
    async release(activity) {
      const key = eventKey(activity);
      if (key !== undefined) await events.release(key);
    },
  };
}
