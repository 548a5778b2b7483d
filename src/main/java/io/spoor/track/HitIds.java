package io.spoor.track;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Hit ids given at the edge. A sender that may retry sends {@code Idempotency-Key}; the id is
 * then derived from the portal and the key, so a retried hit is applied once.
 */
final class HitIds {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_RAW = 4096;

  private HitIds() {
  }

  static String of(RoutingContext ctx, long hubId) {
    String key = ctx.request().getHeader(IDEMPOTENCY_KEY);
    if (key == null || key.isBlank() || key.length() > 200) {
      return UUID.randomUUID().toString();
    }
    return UUID.nameUUIDFromBytes((hubId + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Raw parameters as kept with a rejection: at most 4 KB. */
  static String bounded(String raw) {
    if (raw == null) {
      return "";
    }
    return raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW) + "…";
  }
}
