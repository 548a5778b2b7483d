package io.spoor.portal;

/** The calls each token of a portal may make: per rolling second and per UTC day (0: no limit). */
public record RateLimits(int perSecond, long perDay) {
  /** HubSpot's figures for private apps. */
  public static final RateLimits DEFAULT = new RateLimits(10, 40_000);

  public RateLimits {
    if (perSecond < 0 || perSecond > 100_000 || perDay < 0) {
      throw new IllegalArgumentException("limits are 0 (none) or positive; perSecond at most 100000");
    }
  }
}
