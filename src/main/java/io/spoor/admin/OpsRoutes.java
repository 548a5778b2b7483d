package io.spoor.admin;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.ops.Metrics;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz} (the process answers and its ingest log works), {@code /readyz} (that, and
 * the store answers; damage found in the ingest log's files is reported there too),
 * {@code /metrics}. Once the ingest log has failed both answer 503: the process cannot recover
 * by itself and must be restarted.
 */
public final class OpsRoutes implements Routes {
  private final Metrics metrics;
  private final BooleanSupplier storeReachable;
  private final Supplier<Optional<String>> logDamage;
  private final BooleanSupplier ingestWorking;

  /** Routes for a process without an ingest log of its own to watch. */
  public OpsRoutes(Metrics metrics, BooleanSupplier storeReachable) {
    this(metrics, storeReachable, () -> true, Optional::empty);
  }

  /**
   * {@code ingestWorking}: false once the ingest log has failed for good; {@code logDamage}: what
   * damage the ingest log found in its files, if any.
   */
  public OpsRoutes(Metrics metrics, BooleanSupplier storeReachable, BooleanSupplier ingestWorking,
      Supplier<Optional<String>> logDamage) {
    this.metrics = metrics;
    this.storeReachable = storeReachable;
    this.ingestWorking = ingestWorking;
    this.logDamage = logDamage;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/healthz").handler(ctx -> {
      boolean ingest = ingestWorking.getAsBoolean();
      Http.json(ctx, ingest ? 200 : 503, new JsonObject().put("status", ingest ? "UP" : "DOWN")
          .put("ingest", ingest ? "working" : "failed"));
    });
    router.get("/readyz").handler(ctx -> http.respond(ctx, storeReachable::getAsBoolean, (c, reachable) -> {
      boolean ingest = ingestWorking.getAsBoolean();
      boolean up = reachable && ingest;
      Http.json(c, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN")
          .put("store", reachable ? "reachable" : "unreachable").put("ingest", ingest ? "working" : "failed")
          .put("ingestLog", logDamage.get().map(d -> "damaged: " + d).orElse("intact")));
    }));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", Metrics.CONTENT_TYPE).end(metrics.render()));
  }
}
