package io.spoor.dashboard;

/**
 * A live session: its user, the CSRF token every change it makes must carry, and whether the
 * user must still replace a one-time password (then the session may do nothing else).
 */
public record SignedIn(User user, String csrfToken, boolean mustChangePassword) {
  public SignedIn(User user, String csrfToken) {
    this(user, csrfToken, false);
  }
}
