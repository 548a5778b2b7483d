package io.spoor.dashboard;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.http.AuthenticationException;
import io.spoor.http.AuthenticationThrottledException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.ops.Metrics;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The dashboard's JSON API for the browser, authenticated by the session cookie:
 * {@code POST /dashboard/api/sign-in|sign-out|setup|password|users}, {@code GET /dashboard/api/me|portal|users}
 * and {@code DELETE /dashboard/api/users/{id}};
 * and the page ({@link DashboardPage}).
 */
public final class DashboardRoutes implements Routes {
  static final String API = "/dashboard/api";

  private final Accounts accounts;
  private final DashboardAuth auth;
  private final SignInThrottle throttle;
  private final Optional<String> publicUrl;

  /**
   * {@code maxFailures}: failed sign-ins an address, or an email from one address, may make in 15
   * minutes (0: no limit); {@code slowdownMillis}: the wait of each try at an email that failed that
   * often from any addresses.
   */
  public DashboardRoutes(Accounts accounts, DashboardAuth auth, int maxFailures, long slowdownMillis, Clock clock,
      Metrics metrics, Optional<String> publicUrl) {
    this.accounts = accounts;
    this.auth = auth;
    this.throttle = new SignInThrottle(maxFailures, slowdownMillis, clock, metrics);
    this.publicUrl = publicUrl.map(url -> url.replaceFirst("/+$", ""));
  }

  @Override
  public void mount(Router router, Http http) {
    new DashboardPage().mount(router);
    router.post(API + "/sign-in").handler(http.body()).handler(ctx -> signIn(ctx, http));
    router.post(API + "/setup").handler(http.body()).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      http.respond(ctx, () -> accounts.setUp(text(body, "token"), text(body, "email"), text(body, "password")),
          (c, session) -> opened(c, http, session));
    });
    router.get(API + "/me").handler(auth.evenBeforePasswordChange()).handler(ctx ->
        http.respond(ctx, () -> me(DashboardAuth.user(ctx), base(ctx, http)), (c, me) -> Http.json(c, 200, me)));
    router.get(API + "/portal").handler(auth.signedIn()).handler(ctx -> {
      long hubId = DashboardAuth.portal(ctx);
      http.respond(ctx, () -> portal(hubId, base(ctx, http)), (c, portal) -> Http.json(c, 200, portal));
    });
    router.post(API + "/sign-out").handler(auth.evenBeforePasswordChange()).handler(ctx -> {
      String value = ctx.request().getCookie(DashboardAuth.COOKIE).getValue();
      http.respond(ctx, () -> {
        accounts.signOut(value);
        return value;
      }, (c, v) -> {
        c.response().addCookie(cookie(c, "", 0));
        c.response().setStatusCode(204).end();
      });
    });
    router.post(API + "/password").handler(http.body()).handler(auth.evenBeforePasswordChange()).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      long userId = DashboardAuth.user(ctx).user().id();
      String kept = ctx.request().getCookie(DashboardAuth.COOKIE).getValue();
      http.respond(ctx, () -> {
        accounts.changePassword(userId, body.getValue("currentPassword") instanceof String s ? s : null,
            text(body, "newPassword"), kept);
        return userId;
      }, (c, id) -> c.response().setStatusCode(204).end());
    });
    router.post(API + "/users").handler(http.body()).handler(auth.admin()).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      long hubId = DashboardAuth.portal(ctx);
      Role role = Role.fromWireName(text(body, "role")).orElseThrow(() ->
          new InvalidInputException("role must be admin or viewer"));
      http.respond(ctx, () -> accounts.create(hubId, text(body, "email"), role, text(body, "password")),
          (c, user) -> Http.json(c, 201, json(user)));
    });
    router.get(API + "/users").handler(auth.admin()).handler(ctx -> {
      long hubId = DashboardAuth.portal(ctx);
      http.respond(ctx, () -> accounts.users(hubId), (c, users) -> Http.json(c, 200, new JsonObject()
          .put("results", new JsonArray(users.stream().map(DashboardRoutes::json).toList()))));
    });
    router.delete(API + "/users/:id").handler(auth.admin()).handler(ctx -> {
      long hubId = DashboardAuth.portal(ctx);
      long userId = Ids.parse(ctx.pathParam("id")).orElseThrow(() ->
          new NotFoundException("No user " + ctx.pathParam("id"), ctx.pathParam("id")));
      http.respond(ctx, () -> accounts.remove(hubId, userId), (c, user) -> c.response().setStatusCode(204).end());
    });
  }

  private static JsonObject json(User user) {
    return new JsonObject().put("id", user.id()).put("email", user.email()).put("role", user.role().wireName())
        .put("portals", new JsonArray(user.portals()));
  }

  private void signIn(RoutingContext ctx, Http http) {
    JsonObject body = Http.jsonBody(ctx);
    String email = text(body, "email");
    String password = text(body, "password");
    String address = address(ctx);
    long wait = throttle.retryAfterSeconds(email, address);
    if (wait > 0) {
      ctx.fail(new AuthenticationThrottledException(wait));
      return;
    }
    long slowdown = throttle.slowdownMillis(email);
    if (slowdown > 0) {
      ctx.vertx().setTimer(slowdown, id -> check(ctx, http, email, password, address));
    } else {
      check(ctx, http, email, password, address);
    }
  }

  private void check(RoutingContext ctx, Http http, String email, String password, String address) {
    http.respond(ctx, () -> accounts.signIn(email, password), (c, session) -> {
      if (session.isEmpty()) {
        throttle.failed(email, address);
        c.fail(new AuthenticationException("The email or the password is not right."));
      } else {
        opened(c, http, session.get());
      }
    });
  }

  /** Sets the new session's cookie and answers with what {@code me} says. */
  private void opened(RoutingContext ctx, Http http, NewSession session) {
    ctx.response().addCookie(cookie(ctx, session.value(), session.lifetime().toSeconds()));
    http.respond(ctx, () -> me(session.signedIn(), base(ctx, http)), (c, me) -> Http.json(c, 200, me));
  }

  /** The signed-in user, their CSRF token, and each of their portals with its snippet and whether it has hits. */
  private JsonObject me(SignedIn signedIn, String base) {
    JsonArray portals = new JsonArray();
    for (long hubId : signedIn.user().portals()) {
      portals.add(portal(hubId, base));
    }
    return new JsonObject().put("email", signedIn.user().email()).put("role", signedIn.user().role().wireName())
        .put("csrfToken", signedIn.csrfToken()).put("portals", portals)
        .put("mustChangePassword", signedIn.mustChangePassword());
  }

  /** A portal as the dashboard shows it: name, whether it has hits, and its embed snippet. */
  private JsonObject portal(long hubId, String base) {
    return new JsonObject().put("hubId", hubId).put("name", accounts.portalName(hubId))
        .put("hasHits", accounts.hasHits(hubId))
        .put("snippet", "<script type=\"text/javascript\" id=\"hs-script-loader\" async defer src=\""
            + base.replaceFirst("^https?:", "") + "/" + hubId + ".js\"></script>");
  }

  /** The session cookie: HttpOnly, SameSite=Strict, Secure when the page is served over https. */
  private Cookie cookie(RoutingContext ctx, String value, long maxAgeSeconds) {
    boolean https = ctx.request().isSSL() || publicUrl.filter(u -> u.startsWith("https:")).isPresent();
    return Cookie.cookie(DashboardAuth.COOKIE, value).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(https).setMaxAge(maxAgeSeconds);
  }

  /** Where pages reach this server: the public URL, else the scheme and host of the request. */
  private String base(RoutingContext ctx, Http http) {
    return publicUrl.orElseGet(() -> {
      URI uri = URI.create(http.absoluteUri(ctx));
      return uri.getScheme() + "://" + uri.getRawAuthority();
    });
  }

  private static String address(RoutingContext ctx) {
    var remote = ctx.request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
  }

  private static String text(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof String value)) {
      throw new InvalidInputException(field + " is required (a string)");
    }
    return value;
  }
}
