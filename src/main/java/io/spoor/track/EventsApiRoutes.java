package io.spoor.track;

import io.spoor.Ids;
import io.spoor.http.QueryString;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.ingest.EventApiHit;
import io.spoor.http.Param;
import io.spoor.ingest.HitIds;
import io.spoor.ingest.IngestLog;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/event}: no authentication, no rate limit. Answers 400 only when {@code _a}
 * or {@code _n} is missing or {@code _a} is not a hub id; otherwise the hit goes to the ingest
 * log and is answered with the GIF once durable (503 when the log is full).
 */
public final class EventsApiRoutes implements Routes {
  private final IngestLog log;
  private final Clock clock;

  public EventsApiRoutes(IngestLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/v1/event").handler(this::event);
    router.get("/v1/event/").handler(this::event);
  }

  private void event(RoutingContext ctx) {
    String raw = ctx.request().query();
    QueryString query = QueryString.parse(raw);
    Optional<String> hubId = query.first(EventsApiParams.HUB_ID).map(String::trim);
    Optional<String> event = query.first(EventsApiParams.EVENT).filter(n -> !n.isBlank());
    if (hubId.isEmpty() || event.isEmpty()) {
      ctx.fail(new InvalidInputException(
          "Missing required parameter: _a (the hub id) and _n (the event id or name) are both required"));
      return;
    }
    Optional<Long> hub = Ids.parse(hubId.get());
    if (hub.isEmpty()) {
      ctx.fail(new InvalidInputException("_a must be the numeric hub id"));
      return;
    }
    EventApiHit hit = hit(ctx, query, hub.get(), event.get(), raw);
    Http.whenDone(ctx, log.append(hit), (c, failure) -> {
      if (failure != null) {
        c.fail(failure);
      } else {
        c.response().putHeader(HttpHeaders.CONTENT_TYPE, Gif.CONTENT_TYPE)
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(Gif.PIXEL);
      }
    });
  }

  private EventApiHit hit(RoutingContext ctx, QueryString query, long hubId, String event, String raw) {
    List<Param> properties = new ArrayList<>();
    query.params().stream().filter(p -> !EventsApiParams.RESERVED.contains(p.name()))
        .forEach(properties::add);
    List<String> malformed = new ArrayList<>(query.malformed());
    malformed.removeIf(name -> name.equals(EventsApiParams.EMAIL) || name.equals(EventsApiParams.REVENUE));
    long now = clock.millis();
    String hitId = HitIds.ofKey(ctx.request().getHeader(HitIds.IDEMPOTENCY_KEY), hubId, now);
    return new EventApiHit(hitId, hubId, now, event,
        value(query, EventsApiParams.EMAIL), value(query, EventsApiParams.REVENUE),
        query.first(EventsApiParams.EXTERNAL_ID).filter(id -> !id.isBlank()),
        properties, malformed, HitIds.bounded(raw));
  }

  /** A parameter's value; a malformed one is present but empty, so it fails its own check. */
  private static Optional<String> value(QueryString query, String name) {
    return query.isMalformed(name) ? Optional.of("") : query.first(name);
  }
}
