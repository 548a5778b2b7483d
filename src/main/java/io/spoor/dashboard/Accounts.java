package io.spoor.dashboard;

import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.portal.PortalStore;
import io.spoor.portal.TokenSecrets;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Duration;
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
    String address = email(email);
    String hash = Passwords.hash(password);
    return tx.inTransaction(() -> {
      portals.find(hubId).orElseThrow(() -> new NotFoundException("No portal with hub id " + hubId,
          Long.toString(hubId)));
      return store.create(address, hash, role, hubId);
    });
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
    return Optional.of(open(stored.get().user()));
  }

  private NewSession open(User user) {
    String value = Passwords.secret();
    String csrf = Passwords.secret();
    tx.inTransaction(() -> store.openSession(TokenSecrets.hash(value), user.id(), csrf,
        clock.millis() + sessionLifetime.toMillis()));
    return new NewSession(value, new SignedIn(user, csrf), sessionLifetime);
  }

  /** The session a cookie value stands for, while it lasts. */
  public Optional<SignedIn> session(String value) {
    return tx.read(() -> store.session(TokenSecrets.hash(value), clock.millis()));
  }

  void signOut(String value) {
    tx.inTransaction(() -> store.closeSession(TokenSecrets.hash(value)));
  }

  /** Sets a new password once the current one is given right. */
  void changePassword(long userId, String current, String next) {
    Passwords.check(next);
    AccountStore.Stored stored = tx.read(() -> store.findById(userId)).orElseThrow();
    if (current == null || !Passwords.matches(current, stored.passwordHash())) {
      throw new InvalidInputException("The current password is not right");
    }
    String hash = Passwords.hash(next);
    tx.inTransaction(() -> store.setPasswordHash(userId, hash));
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
    return open(user);
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
