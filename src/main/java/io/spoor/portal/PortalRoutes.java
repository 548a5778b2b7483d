package io.spoor.portal;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code GET|PATCH /api/v1/portal}: the token's portal and its settings. */
public final class PortalRoutes implements Routes {
  private final Portals portals;

  public PortalRoutes(Portals portals) {
    this.portals = portals;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/api/v1/portal").handler(http.requires(Scope.ADMIN)).handler(ctx ->
        http.respond(ctx, () -> portals.get(Http.principal(ctx).portalId()),
            (c, portal) -> Http.json(c, 200, render(portal))));
    router.patch("/api/v1/portal").handler(http.body()).handler(http.requires(Scope.ADMIN)).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      Object enabled = body.getValue("customEventsEnabled");
      if (!(enabled instanceof Boolean) || body.size() != 1) {
        throw new InvalidInputException("The body must be {\"customEventsEnabled\": true|false}");
      }
      http.respond(ctx, () -> portals.setCustomEventsEnabled(Http.principal(ctx).portalId(), (Boolean) enabled),
          (c, portal) -> Http.json(c, 200, render(portal)));
    });
  }

  static JsonObject render(Portal portal) {
    return new JsonObject().put("hubId", portal.hubId()).put("name", portal.name())
        .put("customEventsEnabled", portal.customEventsEnabled())
        .put("createdAt", portal.createdAt().toString());
  }
}
