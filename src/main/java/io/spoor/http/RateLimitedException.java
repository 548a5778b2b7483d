package io.spoor.http;

import io.spoor.SpoorException;

/** A token went over its portal's limit: answered 429 with HubSpot's body so clients retry. */
public final class RateLimitedException extends SpoorException {
  private final RateLimiter.Limit limit;

  public RateLimitedException(RateLimiter.Limit limit) {
    super(limit == RateLimiter.Limit.DAILY ? "You have reached your daily limit."
        : "You have reached your secondly limit.");
    this.limit = limit;
  }

  /** HubSpot's policy name: SECONDLY or DAILY. */
  public String policyName() {
    return limit.name();
  }
}
