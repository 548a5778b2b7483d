package io.spoor.segment;

import io.spoor.Ids;
import io.spoor.NotFoundException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code /api/v1/write-keys}: the portal's Segment write keys (scope {@code spoor.admin}). A new
 * key's value is in the creation answer only; listings show a hint of its last characters. The
 * dashboard mounts the same routes under its own base and guard.
 */
public final class WriteKeyRoutes implements Routes {
  private final WriteKeys keys;
  private final Mount mount;

  public WriteKeyRoutes(WriteKeys keys) {
    this(keys, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public WriteKeyRoutes(WriteKeys keys, Mount mount) {
    this.keys = keys;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.ADMIN);
    String path = mount.base() + "/write-keys";
    router.post(path).handler(http.body()).handler(g.changes()).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      String name = body.getValue("name") instanceof String s ? s : null;
      long hubId = g.portal(ctx);
      http.respond(ctx, () -> keys.create(hubId, name),
          (c, created) -> Http.json(c, 201, render(created.writeKey()).put("key", created.value())));
    });
    router.get(path).handler(g.reads()).handler(ctx -> {
      Paging paging = Paging.of(ctx, Paging.ADMIN_DEFAULT, Paging.ADMIN_MAX);
      http.respond(ctx, () -> keys.list(g.portal(ctx), paging.after(), paging.fetch()),
          (c, listed) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), listed, WriteKey::id,
              WriteKeyRoutes::render)));
    });
    router.delete(path + "/:id").handler(g.changes()).handler(ctx -> {
      String id = ctx.pathParam("id");
      long hubId = g.portal(ctx);
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
