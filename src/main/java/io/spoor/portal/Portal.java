package io.spoor.portal;

import java.time.Instant;

/** A portal and its settings. {@code customEventsEnabled} models HubSpot's plan gate. */
public record Portal(long hubId, String name, boolean customEventsEnabled, Instant createdAt, Privacy privacy,
    RateLimits limits) {
  public Portal {
    if (hubId <= 0) {
      throw new IllegalArgumentException("hubId must be positive, was " + hubId);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  public Portal withCustomEventsEnabled(boolean enabled) {
    return new Portal(hubId, name, enabled, createdAt, privacy, limits);
  }

  public Portal withPrivacy(Privacy settings) {
    return new Portal(hubId, name, customEventsEnabled, createdAt, settings, limits);
  }

  public Portal withLimits(RateLimits rateLimits) {
    return new Portal(hubId, name, customEventsEnabled, createdAt, privacy, rateLimits);
  }
}
