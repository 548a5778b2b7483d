package io.spoor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Hit ids given at the edge. A sender that may retry sends {@code Idempotency-Key}; the id is
 * then derived from the portal and the key, so a retried hit is applied once.
 */
public final class HitIds {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_RAW = 4096;
  private static final int EDGE_ID_LENGTH = 32;
  private static final HexFormat HEX = HexFormat.of();

  private HitIds() {
  }

  /** The id for a client's idempotency key (or uuid) within a portal, or a new one when there is none. */
  public static String ofKey(String key, long hubId, long now) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return timeOrdered(now);
    }
    return UUID.nameUUIDFromBytes((hubId + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The id of a hit that came with a client's key already bound to another hit: derived from
   * the key's id and this hit's fingerprint, so its own retries find it again.
   */
  public static String ofReusedKey(String keyId, String fingerprint) {
    return UUID.nameUUIDFromBytes((keyId + "#" + fingerprint).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * A new id that sorts by time (48 bits of epoch ms, then 80 random bits, in hex): 32
   * lowercase hex digits, where an id derived from a client's key is a UUID with dashes.
   */
  public static String timeOrdered(long now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // 16 hex digits of the time, less its 4 leading zero digits, then 4 and 16 random ones
    return HEX.toHexDigits(now & 0xFFFF_FFFF_FFFFL).substring(4) + HEX.toHexDigits((short) random.nextInt())
        + HEX.toHexDigits(random.nextLong());
  }

  /**
   * Whether the id was made here rather than derived from a client's key: such an id is given
   * to one log record only, so the record's place in the log identifies it as well.
   */
  public static boolean madeAtEdge(String id) {
    if (id.length() != EDGE_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.digit(id.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Raw parameters as kept with a rejection: at most 4 KB, and never a credential a sender put
   * in the URL ({@code hapikey}, {@code access_token}), however encoded or nested, which would
   * otherwise be stored and shown (see {@link CredentialRedaction}).
   */
  public static String bounded(String raw) {
    if (raw == null) {
      return "";
    }
    String kept = CredentialRedaction.redact(raw);
    return kept.length() <= MAX_RAW ? kept : kept.substring(0, MAX_RAW) + "…";
  }

}
