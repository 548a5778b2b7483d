package io.spoor.events;

import io.spoor.Ids;
import io.spoor.NotFoundException;
import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** Spoor's admin API for event definitions: {@code /api/v1/event-definitions}. */
public final class EventDefinitionRoutes implements Routes {
  private final EventDefinitions definitions;

  public EventDefinitionRoutes(EventDefinitions definitions) {
    this.definitions = definitions;
  }

  @Override
  public void mount(Router router, Http http) {
    String path = "/api/v1/event-definitions";
    router.post(path).handler(http.body()).handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx -> {
      String name = Http.jsonBody(ctx).getValue("name") instanceof String s ? s : "";
      http.respond(ctx, () -> definitions.create(Http.principal(ctx).portalId(), name),
          (c, d) -> Http.json(c, 201, render(d)));
    });
    router.get(path).handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx -> {
      Paging paging = Paging.of(ctx, Paging.ADMIN_DEFAULT, Paging.ADMIN_MAX);
      http.respond(ctx, () -> definitions.list(Http.principal(ctx).portalId(), paging.after(), paging.fetch()),
          (c, list) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), list, EventDefinition::id,
              EventDefinitionRoutes::render)));
    });
    router.delete(path + "/:id").handler(http.requires(Scope.EVENT_DEFINITIONS)).handler(ctx -> {
      String id = ctx.pathParam("id");
      http.respond(ctx, () -> Ids.parse(id)
          .map(n -> definitions.delete(Http.principal(ctx).portalId(), n)).orElse(false), (c, deleted) -> {
            if (!deleted) {
              throw new NotFoundException("No event definition with id " + id, id);
            }
            c.response().setStatusCode(204).end();
          });
    });
  }

  private static JsonObject render(EventDefinition d) {
    return new JsonObject().put("id", d.displayId()).put("name", d.name())
        .put("origin", d.origin().wireName()).put("completions", d.completions())
        .put("createdAt", d.createdAt().toString());
  }

}
