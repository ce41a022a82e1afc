// How Bot Connector failures reach the outbox: retry later (429 after Retry-After, 5xx, network
// errors, timeouts) or a plain error, never with content.
import { describe, expect, it } from "vitest";
import { RetryLater } from "../../src/store/outbox.ts";
import { deliveryError } from "../../src/surfaces/teams/notify.ts";

describe("Teams: delivery errors", () => {
  it("maps 429 to RetryLater after Retry-After (seconds, from fetch-like or plain headers)", () => {
    const fetchLike = deliveryError({ name: "RestError", statusCode: 429, response: { headers: new Headers({ "retry-after": "12" }) } });
    expect(fetchLike).toBeInstanceOf(RetryLater);
    expect((fetchLike as RetryLater).afterMs).toBe(12_000);
    expect((deliveryError({ statusCode: 429, response: { headers: { "retry-after": "3" } } }) as RetryLater).afterMs).toBe(3_000);
    expect((deliveryError({ statusCode: 429 }) as RetryLater).afterMs).toBeUndefined();
  });

  it("maps 5xx, network errors and timeouts to RetryLater with backoff, anything else to a plain error", () => {
    for (const error of [{ statusCode: 502 }, { statusCode: 503 }, { code: "ECONNRESET" }, { code: "ETIMEDOUT" }, { name: "TimeoutError" }, { name: "AbortError" }]) {
      const mapped = deliveryError(error);
      expect(mapped).toBeInstanceOf(RetryLater);
      expect((mapped as RetryLater).afterMs).toBeUndefined();
    }
    const forbidden = deliveryError({ name: "RestError", statusCode: 403, message: "secret report text" });
    expect(forbidden).not.toBeInstanceOf(RetryLater);
    expect(forbidden.message).toBe("Teams delivery failed (403): RestError");
  });
});
