package io.spoor.dashboard;

import io.spoor.ForbiddenException;
import io.spoor.NotFoundException;
import io.spoor.http.AuthenticationException;
import io.spoor.http.Guard;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The one session check of every dashboard endpoint: put {@link #signedIn()} (or
 * {@link #admin()} for a change only admins may make) before the handler, then read
 * {@link #user} and {@link #portal}. It finds the session of the cookie off the event loop
 * (401 without one), and refuses a POST, PUT, PATCH or DELETE whose {@value #CSRF_HEADER}
 * header is not the session's CSRF token (403). A session whose user still holds a one-time
 * password passes only {@link #evenBeforePasswordChange()}: elsewhere it gets 403.
 */
public final class DashboardAuth {
  public static final String COOKIE = "spoor_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** The query parameter naming the portal a request is about; without it, the user's first portal. */
  public static final String PORTAL_PARAM = "hubId";
  private static final String SIGNED_IN = "spoor.dashboard.signedIn";
  private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  private final Accounts accounts;

  public DashboardAuth(Accounts accounts) {
    this.accounts = accounts;
  }

  /** The session of a cookie value while it lasts; call off the event loop. */
  Optional<SignedIn> session(String cookieValue) {
    return accounts.session(cookieValue);
  }

  /** See {@link Accounts#whenSessionsChange}. */
  void whenSessionsChange(Runnable listener) {
    accounts.whenSessionsChange(listener);
  }

  /** Admits a request with a live session (and, for a change, its CSRF token). */
  public Handler<RoutingContext> signedIn() {
    return ctx -> check(ctx, false, false);
  }

  /** As {@link #signedIn()}, and refuses a viewer with 403. */
  public Handler<RoutingContext> admin() {
    return ctx -> check(ctx, true, false);
  }

  /** As {@link #signedIn()}, admitting too a session that must first replace a one-time password. */
  Handler<RoutingContext> evenBeforePasswordChange() {
    return ctx -> check(ctx, false, true);
  }

  private void check(RoutingContext ctx, boolean adminOnly, boolean pendingPassword) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isEmpty()) {
      ctx.fail(new AuthenticationException("Sign in to use the dashboard."));
      return;
    }
    String value = cookie.getValue();
    ctx.vertx().<Optional<SignedIn>>executeBlocking(() -> accounts.session(value), false)
        .onFailure(ctx::fail)
        .onSuccess(found -> admit(ctx, found, adminOnly, pendingPassword));
  }

  private static void admit(RoutingContext ctx, Optional<SignedIn> found, boolean adminOnly,
      boolean pendingPassword) {
    if (found.isEmpty()) {
      ctx.fail(new AuthenticationException("The session has ended. Sign in again."));
    } else if (CHANGES.contains(ctx.request().method())
        && !sameToken(ctx.request().getHeader(CSRF_HEADER), found.get().csrfToken())) {
      ctx.fail(new ForbiddenException("This change needs the session's CSRF token in the " + CSRF_HEADER
          + " header."));
    } else if (found.get().mustChangePassword() && !pendingPassword) {
      ctx.fail(new ForbiddenException("Choose your own password first: the one you signed in with was for "
          + "one time only (POST " + DashboardRoutes.API + "/password with currentPassword and newPassword)."));
    } else if (adminOnly && found.get().user().role() != Role.ADMIN) {
      ctx.fail(new ForbiddenException("Only an admin may make this change."));
    } else {
      ctx.put(SIGNED_IN, found.get());
      ctx.next();
    }
  }

  private static boolean sameToken(String sent, String expected) {
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The dashboard's door to a feature's routes: any signed-in user reads, an admin changes,
   * about the portal {@link #portal} names.
   */
  public Guard guard() {
    Handler<RoutingContext> reads = signedIn();
    Handler<RoutingContext> changes = admin();
    return new Guard() {
      @Override
      public Handler<RoutingContext> reads() {
        return reads;
      }

      @Override
      public Handler<RoutingContext> changes() {
        return changes;
      }

      @Override
      public long portal(RoutingContext ctx) {
        return DashboardAuth.portal(ctx);
      }
    };
  }

  /** Who signed in, on a route behind {@link #signedIn()} or {@link #admin()}. */
  public static SignedIn user(RoutingContext ctx) {
    SignedIn signedIn = ctx.get(SIGNED_IN);
    if (signedIn == null) {
      throw new IllegalStateException("route has no dashboard session check");
    }
    return signedIn;
  }

  /**
   * The portal the request is about: {@value #PORTAL_PARAM} when given, else the user's first.
   * A portal the user may not see answers 404, as one that does not exist.
   */
  public static long portal(RoutingContext ctx) {
    User user = user(ctx).user();
    String raw = ctx.request().getParam(PORTAL_PARAM);
    if (raw == null) {
      return user.portals().get(0);
    }
    return user.portals().stream().filter(p -> Long.toString(p).equals(raw)).findFirst()
        .orElseThrow(() -> new NotFoundException("No portal " + raw + " for this user", raw));
  }
}
