package io.spoor.ingest;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hit ids given at the edge. A sender that may retry sends {@code Idempotency-Key}; the id is
 * then derived from the portal and the key, so a retried hit is applied once.
 */
public final class HitIds {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_RAW = 4096;
  private static final java.util.regex.Pattern CREDENTIALS =
      java.util.regex.Pattern.compile("(^|&)(hapikey|access_token)=[^&]*", java.util.regex.Pattern.CASE_INSENSITIVE);

  private HitIds() {
  }

  public static String of(RoutingContext ctx, long hubId, long now) {
    return ofKey(ctx.request().getHeader(IDEMPOTENCY_KEY), hubId, now);
  }

  /** The id for a client's idempotency key (or uuid) within a portal, or a new one when there is none. */
  public static String ofKey(String key, long hubId, long now) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return timeOrdered(now);
    }
    return UUID.nameUUIDFromBytes((hubId + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * A new id that sorts by time (48 bits of epoch ms, then 80 random bits, in hex), so the
   * ledger's index grows at its end instead of being written all over.
   */
  public static String timeOrdered(long now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[32];
    hex(now & 0xFFFF_FFFF_FFFFL, id, 0, 12);
    hex(random.nextInt(0x10000), id, 12, 4);
    hex(random.nextLong(), id, 16, 16);
    return new String(id);
  }

  /** Writes the low {@code digits} hex digits of {@code value} into {@code into} at {@code from}. */
  private static void hex(long value, char[] into, int from, int digits) {
    for (int i = from + digits - 1; i >= from; i--) {
      into[i] = Character.forDigit((int) (value & 0xF), 16);
      value >>>= 4;
    }
  }

  /**
   * Raw parameters as kept with a rejection: at most 4 KB, and never a credential a sender put
   * in the URL ({@code hapikey}, {@code access_token}), which would otherwise be stored and shown.
   */
  public static String bounded(String raw) {
    if (raw == null) {
      return "";
    }
    String kept = CREDENTIALS.matcher(raw).replaceAll("$1$2=[redacted]");
    return kept.length() <= MAX_RAW ? kept : kept.substring(0, MAX_RAW) + "…";
  }

}
