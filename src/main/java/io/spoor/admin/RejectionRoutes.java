package io.spoor.admin;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.Rejection;
import io.spoor.ingest.RejectionStore;
import io.spoor.store.Transactor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /api/v1/rejections}: the portal's rejected hits, newest first, only those of one
 * {@code reason} when it is given. The dashboard mounts the same route under its own base and guard.
 */
public final class RejectionRoutes implements Routes {
  private final Transactor tx;
  private final RejectionStore store;
  private final Mount mount;

  public RejectionRoutes(Transactor tx, RejectionStore store) {
    this(tx, store, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public RejectionRoutes(Transactor tx, RejectionStore store, Mount mount) {
    this.tx = tx;
    this.store = store;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.ADMIN);
    String path = mount.base() + "/rejections";
    router.get(path).handler(g.reads()).handler(ctx -> {
      int limit = (int) Math.min(1000, number(ctx, "limit").orElse(100));
      OptionalLong before = number(ctx, "after");
      Optional<RejectReason> reason = reason(ctx);
      long portal = g.portal(ctx);
      http.respond(ctx, () -> tx.read(() -> store.list(portal, limit + 1, before, reason)),
          (c, list) -> render(c, list, limit));
    });
  }

  private static OptionalLong number(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return OptionalLong.empty();
    }
    long value = Ids.parse(raw).filter(n -> n > 0).orElseThrow(() ->
        new InvalidInputException(name + " must be a positive whole number"));
    return OptionalLong.of(value);
  }

  private static Optional<RejectReason> reason(RoutingContext ctx) {
    String raw = ctx.queryParams().get("reason");
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(RejectReason.values()).filter(r -> r.name().equals(raw)).findFirst()
        .orElseThrow(() -> new InvalidInputException("reason must be one of " + Arrays.toString(RejectReason.values()))));
  }

  private static JsonArray parts(Rejection r) {
    JsonArray parts = new JsonArray();
    r.parts().forEach(p -> parts.add(new JsonObject().put("reason", p.reason().name()).put("detail", p.detail())));
    return parts;
  }

  private static void render(RoutingContext ctx, List<Rejection> list, int limit) {
    JsonArray results = new JsonArray();
    list.stream().limit(limit).forEach(r -> results.add(new JsonObject().put("id", Long.toString(r.id()))
        .put("hitId", r.hitId()).put("reason", r.reason().name()).put("outcome", r.outcome().name())
        .put("detail", r.detail()).put("parts", parts(r)).put("moreParts", r.moreParts()).put("params", r.params())
        .put("receivedAt", Instant.ofEpochMilli(r.receivedAt()).toString())));
    JsonObject body = new JsonObject().put("results", results);
    if (list.size() > limit) {
      body.put("paging", new JsonObject().put("next",
          new JsonObject().put("after", Long.toString(list.get(limit - 1).id()))));
    }
    Http.json(ctx, 200, body);
  }
}
