package io.spoor.events;

import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.ingest.IngestLog;
import io.spoor.ingest.SentEventHit;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HubSpot's custom behavioural events API: {@code /events/v3/event-definitions} and
 * {@code /events/v3/send[/batch]}. Sent events go through the durable ingest log and are
 * answered 204 once every one of them is durable.
 */
public final class BehavioralEventRoutes implements Routes {
  private static final String DEFINITIONS = "/events/v3/event-definitions";
  private final BehavioralEvents events;
  private final IngestLog log;
  private final SentEvents parser;

  public BehavioralEventRoutes(BehavioralEvents events, IngestLog log, Clock clock) {
    this.events = events;
    this.log = log;
    this.parser = new SentEvents(clock);
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(DEFINITIONS).handler(http.body()).handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      long hubId = Http.principal(ctx).portalId();
      EventDetails details = EventDefinitionJson.details(body);
      Optional<String> name = Optional.ofNullable(body.getValue("name") instanceof String s ? s : null);
      http.respond(ctx, () -> events.create(hubId, name, details),
          (c, defined) -> Http.json(c, 201, EventDefinitionJson.render(defined, hubId)));
    });
    router.get(DEFINITIONS).handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx -> {
      long hubId = Http.principal(ctx).portalId();
      Paging paging = Paging.of(ctx, Paging.ADMIN_DEFAULT, Paging.ADMIN_MAX);
      http.respond(ctx, () -> events.list(hubId, paging.after(), paging.fetch()), (c, listed) ->
          Http.json(c, 200, paging.render(c, http, new JsonObject().put("total", listed.total()), listed.page(),
              d -> d.definition().id(), d -> EventDefinitionJson.render(d, hubId))));
    });
    router.get(DEFINITIONS + "/:name").handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx -> {
      long hubId = Http.principal(ctx).portalId();
      http.respond(ctx, () -> events.get(hubId, ctx.pathParam("name")),
          (c, d) -> Http.json(c, 200, EventDefinitionJson.render(d, hubId)));
    });
    router.patch(DEFINITIONS + "/:name").handler(http.body()).handler(http.requires(Scope.EVENT_DEFINITIONS))
        .handler(ctx -> {
          long hubId = Http.principal(ctx).portalId();
          BehavioralEvents.EventDetailsPatch patch = EventDefinitionJson.patch(Http.jsonBody(ctx));
          http.respond(ctx, () -> events.update(hubId, ctx.pathParam("name"), patch),
              (c, d) -> Http.json(c, 200, EventDefinitionJson.render(d, hubId)));
        });
    router.delete(DEFINITIONS + "/:name").handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx ->
        http.respond(ctx, () -> {
          events.delete(Http.principal(ctx).portalId(), ctx.pathParam("name"));
          return true;
        }, (c, done) -> c.response().setStatusCode(204).end()));
    router.post("/events/v3/send").handler(http.body()).handler(http.requires(Scope.BEHAVIORAL_EVENTS_SEND))
        .handler(ctx -> send(ctx, http, List.of(parser.parse(Http.jsonBody(ctx), Http.principal(ctx).portalId()))));
    router.post("/events/v3/send/batch").handler(http.body()).handler(http.requires(Scope.BEHAVIORAL_EVENTS_SEND))
        .handler(ctx -> send(ctx, http, parser.parseBatch(Http.jsonBody(ctx), Http.principal(ctx).portalId())));
  }

  /** Checks every event names a live definition, appends them all, answers 204 when all are durable. */
  private void send(RoutingContext ctx, Http http, List<SentEventHit> hits) {
    long hubId = Http.principal(ctx).portalId();
    http.respond(ctx, () -> {
      hits.forEach(h -> events.get(hubId, h.eventName()));
      return true;
    }, (c, checked) -> {
      List<CompletableFuture<Void>> appended = new ArrayList<>();
      hits.forEach(h -> appended.add(log.append(h)));
      Http.whenDone(c, CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)), (done, failure) -> {
        if (failure != null) {
          done.fail(failure);
        } else {
          done.response().setStatusCode(204).end();
        }
      });
    });
  }
}
