package io.spoor.http;

import io.spoor.ConflictException;
import io.spoor.ForbiddenException;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.TooLargeException;
import io.spoor.TooManyException;
import io.spoor.UnavailableException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become answers, in HubSpot's error model:
 * {@code {status:"error", message, correlationId, category, context?, errors?}}. Only messages
 * written for clients reach the body; anything unexpected is logged and answered 500 plainly.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final Pattern PRIVATE_APP_TOKEN = Pattern.compile("pat-[a-z]{2}\\d-[0-9a-fA-F-]{36}");
  private static final String REDACTED = "[redacted]";
  private static final int MIN_CREDENTIAL = 8;
  /** The most an error answer's body holds: messages repeat input, and input can be a megabyte. */
  static final int MAX_BODY_CHARS = 64 * 1024;
  private static final int MAX_MESSAGE = 16 * 1024;
  private static final int MAX_CONTEXT_VALUE = 1024;
  private static final int MAX_CONTEXT_VALUES = 100;
  private static final int MAX_ERRORS = 100;

  /** A rendered error: status, category and what the client may read. */
  record ApiError(int status, String category, String message, Map<String, List<String>> context,
      JsonArray errors) {
  }

  public void handle(RoutingContext ctx) {
    handle(ctx, 500);
  }

  /**
   * Answers a failure; {@code status} stands in when the context carries none, as when the
   * router itself refuses a request (a path with a broken escape) and calls an error handler.
   */
  public void handle(RoutingContext ctx, int status) {
    List<String> credentials = credentials(ctx);
    ApiError error = answerable(ctx, status, credentials);
    if (error == null) {
      return;
    }
    if (ctx.failure() instanceof AuthenticationThrottledException throttled) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
      Http.json(ctx, 429, rateLimited(throttled.getMessage(), ctx, "AUTHENTICATION_FAILURES"));
      return;
    }
    if (ctx.failure() instanceof RateLimitedException limited) {
      // HubSpot's body, word for word: the official clients retry on this exact message
      Http.json(ctx, 429, rateLimited(limited.getMessage(), ctx, limited.policyName()));
      return;
    }
    JsonObject body = body(bounded(redact(error.message(), credentials), MAX_MESSAGE), Correlation.id(ctx),
        error.category());
    if (!error.context().isEmpty()) {
      JsonObject context = new JsonObject();
      error.context().forEach((key, values) -> context.put(key, new JsonArray(values.stream()
          .limit(MAX_CONTEXT_VALUES).map(v -> bounded(redact(v, credentials), MAX_CONTEXT_VALUE)).toList())));
      body.put("context", context);
    }
    if (!error.errors().isEmpty()) {
      body.put("errors", error.errors().size() <= MAX_ERRORS ? error.errors()
          : new JsonArray(error.errors().getList().subList(0, MAX_ERRORS)));
    }
    String encoded = body.encode();
    if (encoded.length() > MAX_BODY_CHARS) {
      // escaping can still make it too long: the details go, the message is cut to what fits
      body.remove("context");
      body.remove("errors");
      body.put("message", bounded(body.getString("message"), MAX_BODY_CHARS / 8));
      encoded = body.encode();
    }
    JsonExchange.answer(ctx, error.status(), encoded);
  }

  /**
   * Answers a failure in Segment's error shape, {@code {"code", "message"}}: Segment's libraries
   * read it (analytics-python raises it). The code is the status's name in snake case.
   */
  public void handleAsSegment(RoutingContext ctx) {
    List<String> credentials = credentials(ctx);
    ApiError error = answerable(ctx, 500, credentials);
    if (error == null) {
      return;
    }
    JsonObject body = new JsonObject().put("code", segmentCode(error.status()))
        .put("message", bounded(redact(error.message(), credentials), MAX_MESSAGE));
    JsonExchange.answer(ctx, error.status(), body.encode());
  }

  private static String segmentCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      case 503 -> "service_unavailable";
      default -> "internal_error";
    };
  }

  /**
   * The error to answer with, or null when there is nothing to answer: the client went away,
   * or the answer had already begun (the connection is closed). Logs unexpected failures and
   * sets {@code Retry-After} on a 503.
   */
  private static ApiError answerable(RoutingContext ctx, int status, List<String> credentials) {
    if (ctx.failure() instanceof HttpClosedException) {
      // the client went away, or was cut off for sending too slowly: no one to answer
      LOG.debug("connection closed during {} {}", ctx.request().method(),
          LogSafe.text(redact(ctx.request().path(), credentials)));
      return null;
    }
    ApiError error = map(ctx.failure(), ctx.statusCode() > 0 ? ctx.statusCode() : status);
    if (error.status() == 500) {
      LOG.error("unexpected failure on {} {} [correlationId={}]", ctx.request().method(),
          LogSafe.text(redact(ctx.request().path(), credentials)), Correlation.id(ctx), ctx.failure());
    }
    if (ctx.response().headWritten()) {
      ctx.response().close();
      return null;
    }
    if (error.status() == 503) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    return error;
  }

  /** The text cut to {@code max} characters, saying how many were left out. */
  static String bounded(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, cut) + "… (" + (text.length() - cut) + " characters left out)";
  }

  /**
   * Messages and contexts repeat what the client sent (an id, a cursor), and clients put
   * tokens in the wrong place: an answer never repeats the credentials of its request, nor
   * anything shaped like a private-app token.
   */
  static String redact(String text, List<String> credentials) {
    if (text == null) {
      return null;
    }
    String clean = text;
    for (String credential : credentials) {
      if (credential.length() >= MIN_CREDENTIAL) {
        clean = clean.replace(credential, REDACTED);
      }
    }
    return PRIVATE_APP_TOKEN.matcher(clean).replaceAll(REDACTED);
  }

  /** What the request offered as credentials: the Authorization value and its token, hapikey, access_token. */
  private static List<String> credentials(RoutingContext ctx) {
    List<String> credentials = new ArrayList<>();
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      credentials.add(authorization.trim());
      int space = authorization.trim().indexOf(' ');
      if (space > 0) {
        credentials.add(authorization.trim().substring(space + 1).trim());
      }
    }
    for (Param p : QueryString.parse(ctx.request().query()).params()) {
      if (p.name().equals("hapikey") || p.name().equals("access_token")) {
        credentials.add(p.value());
      }
    }
    // the longest first, so that no part of one is left behind by replacing another
    credentials.sort(Comparator.comparingInt(String::length).reversed());
    return credentials;
  }

  static ApiError map(Throwable failure, int status) {
    if (failure == null) {
      return byStatus(status);
    }
    if (failure instanceof InvalidInputException e) {
      return new ApiError(400, "VALIDATION_ERROR", e.getMessage(), e.context(), new JsonArray());
    }
    if (failure instanceof DecodeException) {
      return new ApiError(400, "VALIDATION_ERROR", "Invalid input JSON: the body is not valid JSON",
          Map.of(), new JsonArray());
    }
    if (failure instanceof TooLargeException e) {
      return new ApiError(413, "VALIDATION_ERROR", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof UnsupportedContentTypeException e) {
      return new ApiError(415, "VALIDATION_ERROR", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof NotFoundException e) {
      return new ApiError(404, "OBJECT_NOT_FOUND", e.getMessage(), Map.of("id", List.of(e.id())),
          new JsonArray());
    }
    if (failure instanceof ConflictException e) {
      return new ApiError(409, "CONFLICT", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof TooManyException e) {
      return new ApiError(429, "RATE_LIMITS", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof ForbiddenException e) {
      return new ApiError(403, "FORBIDDEN", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof AuthenticationException e) {
      return new ApiError(401, "INVALID_AUTHENTICATION", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof MissingScopeException e) {
      JsonArray errors = new JsonArray().add(new JsonObject()
          .put("message", "One or more of the following scopes are required.")
          .put("context", new JsonObject().put("requiredGranularScopes",
              new JsonArray().add(e.scope().wireName()))));
      return new ApiError(403, "MISSING_SCOPES", e.getMessage(), Map.of(), errors);
    }
    if (failure instanceof AuthenticationThrottledException e) {
      return new ApiError(429, "RATE_LIMITS", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof RateLimitedException e) {
      return new ApiError(429, "RATE_LIMITS", e.getMessage(), Map.of(), new JsonArray());
    }
    if (failure instanceof UnavailableException e) {
      return new ApiError(503, "SERVICE_UNAVAILABLE", e.clientMessage(), Map.of(), new JsonArray());
    }
    return new ApiError(500, "INTERNAL_ERROR", "An internal error occurred", Map.of(), new JsonArray());
  }

  private static ApiError byStatus(int status) {
    switch (status) {
      case 404:
        return new ApiError(404, "OBJECT_NOT_FOUND", "No such endpoint", Map.of(), new JsonArray());
      case 405:
        return new ApiError(405, "VALIDATION_ERROR", "Method not allowed on this endpoint", Map.of(), new JsonArray());
      case 413:
        return new ApiError(413, "VALIDATION_ERROR", "The request body is too large", Map.of(), new JsonArray());
      case 415:
        return new ApiError(415, "VALIDATION_ERROR", "Unsupported content type", Map.of(), new JsonArray());
      case 400:
        return new ApiError(400, "VALIDATION_ERROR", "Bad request", Map.of(), new JsonArray());
      default:
        return new ApiError(status >= 400 && status < 600 ? status : 500, "INTERNAL_ERROR",
            "An internal error occurred", Map.of(), new JsonArray());
    }
  }

  /** HubSpot's error body: {@code status}, {@code message}, {@code correlationId}, {@code category}. */
  static JsonObject body(String message, String correlationId, String category) {
    return new JsonObject().put("status", "error").put("message", message).put("correlationId", correlationId)
        .put("category", category);
  }

  /** HubSpot's 429 body, word for word: the official clients retry on its message and policy. */
  private static JsonObject rateLimited(String message, RoutingContext ctx, String policyName) {
    return new JsonObject().put("status", "error").put("message", message).put("errorType", "RATE_LIMIT")
        .put("correlationId", Correlation.id(ctx)).put("policyName", policyName);
  }
}
