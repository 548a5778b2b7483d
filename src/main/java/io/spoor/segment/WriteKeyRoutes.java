package io.spoor.segment;

import io.spoor.Ids;
import io.spoor.NotFoundException;
import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code /api/v1/write-keys}: the portal's Segment write keys (scope {@code spoor.admin}). A new
 * key's value is in the creation answer only; listings show a hint of its last characters.
 */
public final class WriteKeyRoutes implements Routes {
  private static final String PATH = "/api/v1/write-keys";
  private final WriteKeys keys;

  public WriteKeyRoutes(WriteKeys keys) {
    this.keys = keys;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(PATH).handler(http.body()).handler(http.requires(Scope.ADMIN)).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      String name = body.getValue("name") instanceof String s ? s : null;
      long hubId = Http.principal(ctx).portalId();
      http.respond(ctx, () -> keys.create(hubId, name),
          (c, created) -> Http.json(c, 201, render(created.writeKey()).put("key", created.value())));
    });
    router.get(PATH).handler(http.requires(Scope.ADMIN)).handler(ctx -> {
      Paging paging = Paging.of(ctx, Paging.ADMIN_DEFAULT, Paging.ADMIN_MAX);
      http.respond(ctx, () -> keys.list(Http.principal(ctx).portalId(), paging.after(), paging.fetch()),
          (c, listed) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), listed, WriteKey::id,
              WriteKeyRoutes::render)));
    });
    router.delete(PATH + "/:id").handler(http.requires(Scope.ADMIN)).handler(ctx -> {
      String id = ctx.pathParam("id");
      long hubId = Http.principal(ctx).portalId();
      http.respond(ctx, () -> Ids.parse(id).map(n -> keys.revoke(hubId, n)).orElse(false), (c, revoked) -> {
        if (!revoked) {
          throw new NotFoundException("No active write key with id " + id, id);
        }
        c.response().setStatusCode(204).end();
      });
    });
  }

  private static JsonObject render(WriteKey key) {
    return new JsonObject().put("id", Long.toString(key.id())).put("name", key.name()).put("hint", key.hint())
        .put("createdAt", key.createdAt().toString())
        .put("revokedAt", key.revokedAt().map(Object::toString).orElse(null));
  }
}
