package io.spoor.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.spoor.InvalidInputException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** What route handlers share: authentication, running store work off the event loop, JSON. */
public final class Http {
  private static final String PRINCIPAL = "spoor.principal";
  private static final String BEARER = "Bearer ";

  private final Authenticator authenticator;
  private final BodyHandler body;
  private final RateLimiter limiter;
  private final Optional<AuthThrottle> throttle;
  private final Optional<String> publicUrl;

  /**
   * {@code throttle} slows token guessing by address; {@code publicUrl}, when set, is the base
   * of the absolute links answers carry instead of the request's Host.
   */
  public Http(Authenticator authenticator, int maxBodyBytes, RateLimiter limiter, Optional<AuthThrottle> throttle,
      Optional<String> publicUrl) {
    this.authenticator = authenticator;
    this.body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    this.limiter = limiter;
    this.throttle = throttle;
    this.publicUrl = publicUrl.map(url -> url.replaceFirst("/+$", ""));
  }

  public Http(Authenticator authenticator, int maxBodyBytes, RateLimiter limiter) {
    this(authenticator, maxBodyBytes, limiter, Optional.empty(), Optional.empty());
  }

  /** The request's URL, on the public URL when one is set, else on the scheme and Host it came with. */
  public String absoluteUri(RoutingContext ctx) {
    return publicUrl.map(base -> base + ctx.request().uri()).orElseGet(() -> ctx.request().absoluteURI());
  }

  /**
   * Reads the request body, answering 413 past the limit; put it before handlers that need the
   * body. Form bodies are refused with 415 before they are read: no endpoint takes them, and
   * the form decoder would otherwise fail on a long field with an unexpected error.
   */
  public Handler<RoutingContext> body() {
    return ctx -> {
      String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
      String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
      if (lower.contains("multipart/") || lower.contains("application/x-www-form-urlencoded")) {
        ctx.fail(new UnsupportedContentTypeException());
        return;
      }
      body.handle(ctx);
    };
  }

  /** Authenticates the bearer token and requires the scope; the token lookup runs off the loop. */
  public Handler<RoutingContext> requires(Scope scope) {
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
      ctx.vertx().<Optional<Authenticator.Grant>>executeBlocking(() -> authenticator.authenticate(value), false)
          .onFailure(ctx::fail)
          .onSuccess(access -> admit(ctx, access, scope));
    };
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

  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("route has no authentication handler");
    }
    return principal;
  }

  /** Runs blocking domain work on a worker thread, then renders its result on the event loop. */
  public <T> void respond(RoutingContext ctx, Supplier<T> work, BiConsumer<RoutingContext, T> render) {
    ctx.vertx().<T>executeBlocking(work::get, false)
        .onFailure(ctx::fail)
        .onSuccess(result -> {
          try {
            render.accept(ctx, result);
          } catch (RuntimeException e) {
            ctx.fail(e);
          }
        });
  }

  /**
   * The request body as a JSON object; refuses other content types, malformed JSON, JSON that
   * is not an object, and numbers too large for a double ({@code 1e400}).
   */
  public static JsonObject jsonBody(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      throw new UnsupportedContentTypeException();
    }
    Object body = ctx.body().buffer() == null || ctx.body().length() == 0 ? null
        : Json.decodeValue(ctx.body().buffer());
    if (body == null) {
      throw new InvalidInputException("Invalid input JSON: the body is empty");
    }
    if (!(body instanceof JsonObject object)) {
      throw new InvalidInputException("Invalid input JSON: the body must be a JSON object");
    }
    if (!finite(object)) {
      throw new InvalidInputException("Invalid input JSON: a number is out of range");
    }
    return object;
  }

  /** False when a number anywhere in the value overflowed to infinity; iterative, as bodies nest deeply. */
  private static boolean finite(Object value) {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(value);
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      if (next instanceof Double d && !Double.isFinite(d) || next instanceof Float f && !Float.isFinite(f)) {
        return false;
      }
      if (next instanceof JsonObject object) {
        pending.push(object.getMap());
      } else if (next instanceof JsonArray array) {
        pending.push(array.getList());
      } else if (next instanceof Map<?, ?> map) {
        map.values().forEach(v -> pending.push(v == null ? "" : v));
      } else if (next instanceof List<?> list) {
        list.forEach(v -> pending.push(v == null ? "" : v));
      }
    }
    return true;
  }

  /**
   * Answers once {@code durable} completes, back on the request's event loop: {@code answer}
   * gets the cause of a failure (unwrapped), or null when it succeeded.
   */
  public static void whenDone(RoutingContext ctx, CompletableFuture<?> durable,
      BiConsumer<RoutingContext, Throwable> answer) {
    Context context = ctx.vertx().getOrCreateContext();
    durable.whenComplete((done, failure) -> context.runOnContext(v -> answer.accept(ctx,
        failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure)));
  }

  /** Answers with a JSON body (a {@code JsonObject} or {@code JsonArray}). */
  public static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
        .end(body.toString());
  }
}
