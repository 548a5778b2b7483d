package io.spoor.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Admits a request on its bearer token: throttles guessing by address, asks the
 * {@link Authenticator} off the event loop, holds the token to its rate limits (writing
 * HubSpot's rate-limit headers), requires the route's scope, and keeps the {@link Principal}
 * on the request for the handler.
 */
final class BearerAuthentication {
  private static final String PRINCIPAL = "spoor.principal";
  private static final String BEARER = "Bearer ";

  private final Authenticator authenticator;
  private final RateLimiter limiter;
  private final Optional<AuthThrottle> throttle;

  BearerAuthentication(Authenticator authenticator, RateLimiter limiter, Optional<AuthThrottle> throttle) {
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.throttle = throttle;
  }

  Handler<RoutingContext> requires(Scope scope) {
    return ctx -> {
      String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
      if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        ctx.fail(new AuthenticationException(ctx.request().getParam("hapikey") != null
            ? "API keys are no longer supported (retired 30 November 2022). "
                + "Authenticate with a private app access token: Authorization: Bearer <token>."
            : "Authentication credentials not found. This API supports OAuth 2.0 authentication "
                + "and private app access tokens: Authorization: Bearer <token>."));
        return;
      }
      String address = address(ctx);
      long wait = throttle.map(t -> t.retryAfterSeconds(address)).orElse(0L);
      if (wait > 0) {
        ctx.fail(new AuthenticationThrottledException(wait));
        return;
      }
      String value = header.substring(BEARER.length()).trim();
      ctx.vertx().<Optional<Authenticator.Grant>>executeBlocking(
              Correlation.within(ctx, () -> authenticator.authenticate(value))::get, false)
          .onFailure(failure -> Correlation.within(ctx, () -> ctx.fail(failure)))
          .onSuccess(grant -> Correlation.within(ctx, () -> admit(ctx, grant, scope)));
    };
  }

  /** The principal the authentication handler admitted; a route without one is a programming error. */
  static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("route has no authentication handler");
    }
    return principal;
  }

  private void admit(RoutingContext ctx, Optional<Authenticator.Grant> grant, Scope scope) {
    if (grant.isEmpty()) {
      throttle.ifPresent(t -> t.failed(address(ctx)));
      ctx.fail(new AuthenticationException("The access token is not valid or has been revoked."));
      return;
    }
    Principal principal = grant.get().principal();
    RateLimiter.Decision decision = limiter.acquire(principal.tokenId(), grant.get().perSecond(),
        grant.get().perDay());
    rateLimitHeaders(ctx, decision);
    if (!decision.allowed()) {
      ctx.fail(new RateLimitedException(decision.refusedBy()));
    } else if (!principal.scopes().contains(scope)) {
      ctx.fail(new MissingScopeException(scope));
    } else {
      ctx.put(PRINCIPAL, principal);
      ctx.next();
    }
  }

  private static String address(RoutingContext ctx) {
    var remote = ctx.request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
  }

  /** HubSpot's rate-limit headers, on every authenticated answer (no limit: the headers are left out). */
  private static void rateLimitHeaders(RoutingContext ctx, RateLimiter.Decision d) {
    var headers = ctx.response().headers();
    if (d.perDay() > 0) {
      headers.set("X-HubSpot-RateLimit-Daily", Long.toString(d.perDay()))
          .set("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(d.dayRemaining()));
    }
    if (d.perSecond() > 0) {
      headers.set("X-HubSpot-RateLimit-Secondly", Integer.toString(d.perSecond()))
          .set("X-HubSpot-RateLimit-Secondly-Remaining", Integer.toString(d.secondRemaining()))
          .set("X-HubSpot-RateLimit-Interval-Milliseconds", "1000")
          .set("X-HubSpot-RateLimit-Max", Integer.toString(d.perSecond()))
          .set("X-HubSpot-RateLimit-Remaining", Integer.toString(d.secondRemaining()));
    }
  }
}
