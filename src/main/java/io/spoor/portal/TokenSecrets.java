package io.spoor.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Making and hashing token values. The clear value never reaches the store or the log. */
public final class TokenSecrets {
  private TokenSecrets() {
  }

  /** A new value in HubSpot's private-app shape, {@code pat-na1-<uuid>}. */
  public static String newValue() {
    return "pat-na1-" + UUID.randomUUID();
  }

  public static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
        b.getBytes(StandardCharsets.US_ASCII));
  }

  public static String hint(String value) {
    return "…" + value.substring(Math.max(0, value.length() - 4));
  }
}
