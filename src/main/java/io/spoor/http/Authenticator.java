package io.spoor.http;

import java.util.Optional;

/**
 * The port through which {@code http} learns who a bearer token stands for; the portal feature
 * implements it.
 */
@FunctionalInterface
public interface Authenticator {
  /** The grant of an active token, or empty when it is unknown or revoked. Blocking: call off the event loop. */
  Optional<Grant> authenticate(String token);

  /** A token that authenticated: who it is, and the calls it may make per second and per UTC day (0: no limit). */
  record Grant(Principal principal, int perSecond, long perDay) {
  }
}
