package io.spoor.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What route handlers share, each job done by one small helper: the body limit
 * ({@link BodyLimit}), authentication with its rate limits and the principal it admits
 * ({@link BearerAuthentication}), work off the event loop ({@link Workers}), JSON bodies and
 * answers ({@link JsonExchange}), and links on the public URL.
 */
public final class Http {
  private final BodyLimit body;
  private final BearerAuthentication authentication;
  private final Optional<String> publicUrl;
  private final ErrorMapper errors = new ErrorMapper();

  /**
   * {@code throttle} slows token guessing by address; {@code publicUrl}, when set, is the base
   * of the absolute links answers carry instead of the request's Host.
   */
  public Http(Authenticator authenticator, int maxBodyBytes, RateLimiter limiter, Optional<AuthThrottle> throttle,
      Optional<String> publicUrl) {
    this.body = new BodyLimit(maxBodyBytes);
    this.authentication = new BearerAuthentication(authenticator, limiter, throttle);
    this.publicUrl = publicUrl.map(url -> url.replaceFirst("/+$", ""));
  }

  public Http(Authenticator authenticator, int maxBodyBytes, RateLimiter limiter) {
    this(authenticator, maxBodyBytes, limiter, Optional.empty(), Optional.empty());
  }

  /** The request's URL, on the public URL when one is set, else on the scheme and Host it came with. */
  public String absoluteUri(RoutingContext ctx) {
    return publicUrl.map(base -> base + ctx.request().uri()).orElseGet(() -> ctx.request().absoluteURI());
  }

  /** Reads the request body within the limit (413 past it, 415 for forms); put it before handlers needing it. */
  public Handler<RoutingContext> body() {
    return body;
  }

  /** Authenticates the bearer token and requires the scope; the token lookup runs off the loop. */
  public Handler<RoutingContext> requires(Scope scope) {
    return authentication.requires(scope);
  }

  /** Who the request authenticated as, on a route behind {@link #requires}. */
  public static Principal principal(RoutingContext ctx) {
    return BearerAuthentication.principal(ctx);
  }

  /** Runs blocking domain work on a worker thread, then renders its result on the event loop. */
  public <T> void respond(RoutingContext ctx, Supplier<T> work, BiConsumer<RoutingContext, T> render) {
    Workers.respond(ctx, work, render);
  }

  /** The request body as a JSON object (see {@link JsonExchange#body}). */
  public static JsonObject jsonBody(RoutingContext ctx) {
    return JsonExchange.body(ctx);
  }

  /**
   * Answers once {@code durable} completes, back on the request's event loop: {@code answer}
   * gets the cause of a failure (unwrapped), or null when it succeeded.
   */
  public static void whenDone(RoutingContext ctx, CompletableFuture<?> durable,
      BiConsumer<RoutingContext, Throwable> answer) {
    Workers.whenDone(ctx, durable, answer);
  }

  /**
   * Bytes (a body read by other means, such as an inflated gzip body) as a JSON object, refused
   * as {@link #jsonBody} refuses a body: malformed, not an object, a number out of range.
   */
  public static JsonObject jsonObject(Buffer bytes) {
    return JsonExchange.object(bytes);
  }

  /**
   * A failure handler answering in Segment's error shape, {@code {"code", "message"}} (which
   * Segment's libraries read), with the statuses and messages of {@link ErrorMapper}.
   */
  public Handler<RoutingContext> segmentErrors() {
    return errors::handleAsSegment;
  }

  /** Answers with a JSON body (a {@code JsonObject} or {@code JsonArray}). */
  public static void json(RoutingContext ctx, int status, Object body) {
    JsonExchange.answer(ctx, status, body);
  }
}
