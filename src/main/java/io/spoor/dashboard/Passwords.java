package io.spoor.dashboard;

import io.spoor.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Password rules and hashing with BCrypt (Spring Security's pure-Java implementation). */
public final class Passwords {
  static final int MIN_LENGTH = 10;
  /** BCrypt reads only the first 72 bytes: a longer password is refused rather than cut. */
  static final int MAX_BYTES = 72;
  private static final int COST = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Checked against when the email is unknown, so that answer takes as long as a wrong password;
   * made on first use, not when the server starts (one hash at this cost takes a quarter of a
   * second or more).
   */
  private static final class Decoy {
    static final String HASH = BCrypt.hashpw("decoy password", BCrypt.gensalt(COST, RANDOM));
  }

  private Passwords() {
  }

  static String hash(String password) {
    check(password);
    return BCrypt.hashpw(password, BCrypt.gensalt(COST, RANDOM));
  }

  static boolean matches(String password, String hash) {
    return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES && BCrypt.checkpw(password, hash);
  }

  /** Spends the time of one check, for an unknown email. */
  static void decoy(String password) {
    matches(password.length() > MAX_BYTES ? "" : password, Decoy.HASH);
  }

  static void check(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidInputException("A password needs " + MIN_LENGTH + " characters or more, and at most "
          + MAX_BYTES + " bytes in UTF-8");
    }
  }

  /** A random secret: 32 bytes, URL-safe base64 (a session id, a setup token, a CSRF token). */
  static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A one-time password printed by the command line: 20 characters, easy to copy. */
  public static String generated() {
    return secret().substring(0, 20);
  }
}
