package io.spoor.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * Dashboard accounts, sessions and setup links. Secrets arrive hashed: the store never sees a
 * cookie value or a setup token in clear. Callers run each method inside a transaction.
 */
public interface AccountStore {
  /** Adds a user seeing {@code hubId}; throws {@link io.spoor.ConflictException} when the email is taken. */
  User create(String email, String passwordHash, Role role, long hubId);

  /** The user and their password hash, by email (already lowercased). */
  Optional<Stored> findByEmail(String email);

  Optional<Stored> findById(long id);

  boolean anyUser();

  /** Replaces the password hash and clears a pending password change. */
  void setPasswordHash(long userId, String passwordHash);

  void openSession(String idHash, long userId, String csrfToken, long expiresAt);

  /** The session's user and CSRF token while it has not expired. */
  Optional<SignedIn> session(String idHash, long now);

  void closeSession(String idHash);

  void addSetupLink(String tokenHash, long hubId, long expiresAt);

  /** Deletes the link and returns its portal when it existed and had not expired. */
  Optional<Long> takeSetupLink(String tokenHash, long now);

  /** True when the portal has taken at least one page view. */
  boolean hasHits(long hubId);

  /** Marks the user as holding a one-time password: their sessions may only set a new one. */
  void requirePasswordChange(long userId);

  /** Ends every session of the user but the one whose hash is {@code keptIdHash} (none kept when null). */
  void closeSessionsOf(long userId, String keptIdHash);

  /** The users seeing portal {@code hubId}, by email. */
  List<User> users(long hubId);

  /**
   * Takes portal {@code hubId} from the user; a user left with no portal is deleted with their
   * sessions. False when the user did not see that portal.
   */
  boolean removeFromPortal(long userId, long hubId);

  /** A user with their stored password hash, and whether they must still choose a password. */
  record Stored(User user, String passwordHash, boolean mustChangePassword) {
    public Stored(User user, String passwordHash) {
      this(user, passwordHash, false);
    }
  }
}
