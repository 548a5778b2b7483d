package io.spoor.forward;

import io.spoor.InvalidInputException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code PUT|GET|DELETE /api/v1/forwarding}: the portal's forwarding target (the token is never
 * shown again, only its last four characters) and its status; {@code /api/v1/forwarding/dead-letters}:
 * the calls that failed for good, to replay or drop. The dashboard mounts the same routes under its
 * own base and guard.
 */
public final class ForwardingRoutes implements Routes {
  private static final Set<String> FIELDS = Set.of("baseUrl", "accessToken", "trackingUrl", "hubId", "secondly",
      "daily", "forwardTracking");
  private final Forwarding forwarding;
  private final Mount mount;

  public ForwardingRoutes(Forwarding forwarding) {
    this(forwarding, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public ForwardingRoutes(Forwarding forwarding, Mount mount) {
    this.forwarding = forwarding;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.ADMIN);
    String path = mount.base() + "/forwarding";
        router.put(path).handler(http.body()).handler(g.changes()).handler(ctx -> {
      ForwardTarget target = target(g.portal(ctx), Http.jsonBody(ctx));
      http.respond(ctx, () -> forwarding.set(target), (c, view) -> Http.json(c, 200, render(view)));
    });
    router.get(path).handler(g.reads()).handler(ctx ->
        http.respond(ctx, () -> forwarding.get(g.portal(ctx)), (c, view) -> Http.json(c, 200, render(view))));
    router.delete(path).handler(g.changes()).handler(ctx -> http.respond(ctx, () -> {
      forwarding.delete(g.portal(ctx));
      return true;
    }, (c, done) -> c.response().setStatusCode(204).end()));
    router.get(path + "/dead-letters").handler(g.reads()).handler(ctx -> {
      Paging paging = Paging.of(ctx, Paging.ADMIN_DEFAULT, Paging.ADMIN_MAX);
      long hubId = g.portal(ctx);
      http.respond(ctx, () -> forwarding.deadLetters(hubId, paging.after(), paging.fetch()),
          (c, list) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), list, QueuedCall::id,
              ForwardingRoutes::render)));
    });
    router.post(path + "/dead-letters/:id/retry").handler(g.changes()).handler(ctx -> {
      long id = id(ctx);
      http.respond(ctx, () -> {
        forwarding.retry(g.portal(ctx), id);
        return true;
      }, (c, done) -> c.response().setStatusCode(204).end());
    });
    router.delete(path + "/dead-letters/:id").handler(g.changes()).handler(ctx -> {
      long id = id(ctx);
      http.respond(ctx, () -> {
        forwarding.deleteDead(g.portal(ctx), id);
        return true;
      }, (c, done) -> c.response().setStatusCode(204).end());
    });
  }

  private static long id(RoutingContext ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException("a dead letter's id is a positive whole number");
  }

  /** The target the body describes; every bad or unknown field is named in one 400. */
  static ForwardTarget target(long hubId, JsonObject body) {
    List<String> problems = new ArrayList<>();
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).forEach(f -> problems.add(f + ": no such field"));
    String baseUrl = url(body, "baseUrl", null, problems);
    String trackingUrl = url(body, "trackingUrl", ForwardTarget.DEFAULT_TRACKING_URL, problems);
    Object token = body.getValue("accessToken");
    if (!(token instanceof String t) || t.isBlank() || t.length() > 500 || !t.strip().equals(t)) {
      problems.add("accessToken: required, the remote's private-app token (up to 500 characters)");
    }
    long remoteHub = number(body, "hubId", -1, 1, Long.MAX_VALUE, problems);
    long secondly = number(body, "secondly", ForwardTarget.DEFAULT_SECONDLY, 1, 100_000, problems);
    long daily = number(body, "daily", ForwardTarget.DEFAULT_DAILY, 1, 1_000_000_000, problems);
    Object tracking = body.getValue("forwardTracking", false);
    if (!(tracking instanceof Boolean)) {
      problems.add("forwardTracking: a boolean");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Invalid forwarding target: " + String.join("; ", problems));
    }
    return new ForwardTarget(hubId, baseUrl, (String) token, trackingUrl, remoteHub, (int) secondly, daily,
        (Boolean) tracking);
  }

  private static String url(JsonObject body, String field, String fallback, List<String> problems) {
    Object value = body.getValue(field);
    if (value == null && fallback != null) {
      return fallback;
    }
    try {
      URI uri = new URI(value instanceof String s ? s : "");
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return (String) value;
      }
    } catch (URISyntaxException e) {
      // named below
    }
    problems.add(field + ": " + (fallback == null ? "required, " : "") + "an http:// or https:// URL without query");
    return null;
  }

  private static long number(JsonObject body, String field, long fallback, long min, long max, List<String> problems) {
    Object value = body.getValue(field);
    if (value == null && fallback >= min) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= min && n.longValue() <= max) {
      return n.longValue();
    }
    problems.add(field + ": " + (fallback < min ? "required, " : "") + "a whole number from " + min + " to " + max);
    return fallback;
  }

  static JsonObject render(Forwarding.View view) {
    ForwardTarget t = view.target();
    ForwardStatus s = view.status();
    JsonObject status = new JsonObject().put("queued", s.queued()).put("inFlight", s.inFlight())
        .put("delivered", s.delivered()).put("retried", s.retried()).put("dead", s.dead());
    s.lastAnswer().ifPresent(last -> status.put("lastAnswer", new JsonObject().put("status", last.status())
        .put("message", last.message()).put("at", Instant.ofEpochMilli(last.at()).toString())));
    view.pausedUntil().ifPresent(until -> status.put("pausedUntil", Instant.ofEpochMilli(until).toString()));
    return new JsonObject().put("baseUrl", t.baseUrl()).put("accessToken", t.maskedToken())
        .put("trackingUrl", t.trackingUrl()).put("hubId", t.remoteHubId()).put("secondly", t.secondly())
        .put("daily", t.daily()).put("forwardTracking", t.forwardTracking()).put("status", status);
  }

  private static JsonObject render(QueuedCall call) {
    return new JsonObject().put("id", Long.toString(call.id())).put("kind", CallCodec.kind(call.call()))
        .put("call", CallCodec.json(call.call())).put("attempts", call.attempts())
        .put("queuedAt", Instant.ofEpochMilli(call.queuedAt()).toString()).put("lastError", call.lastError());
  }
}
