package io.spoor.ops;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers), {@code /readyz} (the store answers), {@code /metrics}. */
public final class OpsRoutes implements Routes {
  private final Metrics metrics;
  private final BooleanSupplier storeReachable;

  public OpsRoutes(Metrics metrics, BooleanSupplier storeReachable) {
    this.metrics = metrics;
    this.storeReachable = storeReachable;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/healthz").handler(ctx -> Http.json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/readyz").handler(ctx -> http.respond(ctx, storeReachable::getAsBoolean, (c, up) ->
        Http.json(c, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
            .put("store", up ? "reachable" : "unreachable"))));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.render()));
  }
}
