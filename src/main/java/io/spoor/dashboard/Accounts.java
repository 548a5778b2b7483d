package io.spoor.dashboard;

import io.spoor.ConflictException;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.portal.PortalStore;
import io.spoor.portal.TokenSecrets;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dashboard accounts: creating users, signing in and out, sessions, password changes and the
 * first start's setup link. Password checks (BCrypt) run outside any transaction.
 */
public final class Accounts {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  private final Transactor tx;
  private final AccountStore store;
  private final PortalStore portals;
  private final Clock clock;
  private final Duration sessionLifetime;
  private final Duration setupLinkLifetime;
  private final List<Runnable> sessionsEnded = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Accounts(Transactor tx, AccountStore store, PortalStore portals, Clock clock, Duration sessionLifetime,
      Duration setupLinkLifetime) {
    this.tx = tx;
    this.store = store;
    this.portals = portals;
    this.clock = clock;
    this.sessionLifetime = sessionLifetime;
    this.setupLinkLifetime = setupLinkLifetime;
  }

  /** A new user seeing portal {@code hubId}: 404 without such a portal, 409 when the email is taken. */
  public User create(long hubId, String email, Role role, String password) {
    return create(hubId, email, role, password, false);
  }

  /**
   * As {@link #create(long, String, Role, String)}; with {@code oneTime}, the password was made up
   * and shown to someone else, so the user must choose their own at first sign-in.
   */
  public User create(long hubId, String email, Role role, String password, boolean oneTime) {
    String address = email(email);
    String hash = Passwords.hash(password);
    return tx.inTransaction(() -> {
      requirePortal(hubId);
      User user = store.create(address, hash, role, hubId);
      if (oneTime) {
        store.requirePasswordChange(user.id());
      }
      return user;
    });
  }

  private void requirePortal(long hubId) {
    portals.find(hubId).orElseThrow(() -> new NotFoundException("No portal with hub id " + hubId,
        Long.toString(hubId)));
  }

  /** The users seeing portal {@code hubId}, by email; 404 without such a portal. */
  public List<User> users(long hubId) {
    return tx.read(() -> {
      requirePortal(hubId);
      return store.users(hubId);
    });
  }

  /**
   * Takes the user of this email off portal {@code hubId} (deleting them, and so ending their
   * sessions, when it was their only portal): 404 when no such user sees the portal, 409 for its last admin.
   */
  public User remove(long hubId, String email) {
    String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    User removed = tx.inTransaction(() -> remove(hubId, store.findByEmail(address).map(AccountStore.Stored::user)
        .filter(u -> u.portals().contains(hubId)).orElseThrow(() -> new NotFoundException(
            "Portal " + hubId + " has no user " + address, address))));
    sessionsChanged();
    return removed;
  }

  /** As {@link #remove(long, String)}, by user id. */
  User remove(long hubId, long userId) {
    User removed = tx.inTransaction(() -> remove(hubId, store.findById(userId).map(AccountStore.Stored::user)
        .filter(u -> u.portals().contains(hubId)).orElseThrow(() -> new NotFoundException(
            "Portal " + hubId + " has no user " + userId, Long.toString(userId)))));
    sessionsChanged();
    return removed;
  }

  private User remove(long hubId, User user) {
    if (user.role() == Role.ADMIN
        && store.users(hubId).stream().filter(u -> u.role() == Role.ADMIN).count() <= 1) {
      throw new ConflictException("This is the portal's last admin: add another admin before removing this one");
    }
    store.removeFromPortal(user.id(), hubId);
    return user;
  }

  /**
   * Runs {@code listener} (on the caller's thread; it must hand its work off) each time sessions
   * may have ended or lost a portal: a sign-out, a password change, a user taken off a portal.
   */
  void whenSessionsChange(Runnable listener) {
    sessionsEnded.add(listener);
  }

  private void sessionsChanged() {
    sessionsEnded.forEach(Runnable::run);
  }

  /** Opens a session when the password is right; an unknown email costs as long as a wrong password. */
  Optional<NewSession> signIn(String email, String password) {
    String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    Optional<AccountStore.Stored> stored = tx.read(() -> store.findByEmail(address));
    if (stored.isEmpty()) {
      Passwords.decoy(password);
      return Optional.empty();
    }
    if (!Passwords.matches(password, stored.get().passwordHash())) {
      return Optional.empty();
    }
    return Optional.of(open(stored.get().user(), stored.get().mustChangePassword()));
  }

  private NewSession open(User user, boolean mustChangePassword) {
    String value = Passwords.secret();
    String csrf = Passwords.secret();
    tx.inTransaction(() -> store.openSession(TokenSecrets.hash(value), user.id(), csrf,
        clock.millis() + sessionLifetime.toMillis()));
    return new NewSession(value, new SignedIn(user, csrf, mustChangePassword), sessionLifetime);
  }

  /** The session a cookie value stands for, while it lasts. */
  public Optional<SignedIn> session(String value) {
    return tx.read(() -> store.session(TokenSecrets.hash(value), clock.millis()));
  }

  void signOut(String value) {
    tx.inTransaction(() -> store.closeSession(TokenSecrets.hash(value)));
    sessionsChanged();
  }

  /**
   * Sets a new password once the current one is given right, and ends the user's other sessions:
   * only the session of cookie value {@code kept} stays.
   */
  void changePassword(long userId, String current, String next, String kept) {
    Passwords.check(next);
    AccountStore.Stored stored = tx.read(() -> store.findById(userId)).orElseThrow();
    if (current == null || !Passwords.matches(current, stored.passwordHash())) {
      throw new InvalidInputException("The current password is not right");
    }
    String hash = Passwords.hash(next);
    tx.inTransaction(() -> {
      store.setPasswordHash(userId, hash);
      store.closeSessionsOf(userId, TokenSecrets.hash(kept));
    });
    sessionsChanged();
  }

  /**
   * When no one can sign in yet, a new one-time setup token (kept hashed) for the first admin
   * of portal {@code hubId}; empty once a user exists.
   */
  public Optional<String> firstStartToken(long hubId) {
    return tx.inTransaction(() -> {
      if (store.anyUser()) {
        return Optional.empty();
      }
      String token = Passwords.secret();
      store.addSetupLink(TokenSecrets.hash(token), hubId, clock.millis() + setupLinkLifetime.toMillis());
      return Optional.of(token);
    });
  }

  /** Spends a setup token on the first admin and signs them in; an unknown, used or expired token is refused. */
  NewSession setUp(String token, String email, String password) {
    String address = email(email);
    String hash = Passwords.hash(password);
    User user = tx.inTransaction(() -> {
      long hubId = store.takeSetupLink(TokenSecrets.hash(token == null ? "" : token), clock.millis())
          .orElseThrow(() -> new InvalidInputException("This setup link is not valid: it was used or has expired. "
              + "Create a user with the command line: spoor user create"));
      return store.create(address, hash, Role.ADMIN, hubId);
    });
    return open(user, false);
  }

  boolean hasHits(long hubId) {
    return tx.read(() -> store.hasHits(hubId));
  }

  String portalName(long hubId) {
    return tx.read(() -> portals.find(hubId).map(p -> p.name()).orElse("Portal " + hubId));
  }

  private static String email(String raw) {
    String address = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(address).matches()) {
      throw new InvalidInputException("email must be an email address, such as ana@example.com");
    }
    return address;
  }
}
