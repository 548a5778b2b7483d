package io.spoor.ops;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (the store answers; damage found in
 * the ingest log is reported there too), {@code /metrics}.
 */
public final class OpsRoutes implements Routes {
  private final Metrics metrics;
  private final BooleanSupplier storeReachable;
  private final Supplier<Optional<String>> logDamage;

  public OpsRoutes(Metrics metrics, BooleanSupplier storeReachable) {
    this(metrics, storeReachable, Optional::empty);
  }

  /** {@code logDamage}: what damage the ingest log found in its files, if any. */
  public OpsRoutes(Metrics metrics, BooleanSupplier storeReachable, Supplier<Optional<String>> logDamage) {
    this.metrics = metrics;
    this.storeReachable = storeReachable;
    this.logDamage = logDamage;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/healthz").handler(ctx -> Http.json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/readyz").handler(ctx -> http.respond(ctx, storeReachable::getAsBoolean, (c, up) ->
        Http.json(c, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
            .put("store", up ? "reachable" : "unreachable")
            .put("ingestLog", logDamage.get().map(d -> "damaged: " + d).orElse("intact")))));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.render()));
  }
}
