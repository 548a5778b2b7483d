package io.spoor.segment;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.ingest.IngestLog;
import io.spoor.ingest.SegmentHit;
import io.spoor.ops.Counter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Segment's HTTP Tracking API: {@code POST /v1/identify|track|page|screen|group|alias}, and
 * {@code /v1/batch} and {@code /v1/import} for batches, each also with a trailing slash. No rate
 * limit (the write key names the portal, as {@code _a} does on {@code /v1/event}). Every message
 * is appended to the ingest log and the call answered {@code {"success":true}} once all are
 * durable; errors are answered in Segment's {@code {"code", "message"}} shape, and counted.
 *
 * <p>Cloud mode in a browser (analytics.js posting from the site's own origin) is allowed from
 * any origin: each path answers the CORS preflight ({@code OPTIONS}) and every answer, errors
 * included, names the origin allowed. A write key is public by design (it only writes), and no
 * cookie is read, so no origin is trusted more than another.
 */
public final class SegmentRoutes implements Routes {
  private static final String SUCCESS = "{\"success\":true}";
  /** What a browser may send: Basic auth with the write key, a JSON (or text) body, gzip. */
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding";
  private static final String PREFLIGHT_MAX_AGE_SECONDS = "86400";
  private final SegmentIntake intake;
  private final IngestLog log;
  private final Clock clock;
  private final EdgeLimits limits;
  private final Counter refused;

  public SegmentRoutes(WriteKeys keys, EdgeLimits limits, IngestLog log, Clock clock, Counter refused) {
    this.intake = new SegmentIntake(keys, limits);
    this.log = log;
    this.clock = clock;
    this.limits = limits;
    this.refused = refused;
  }

  @Override
  public void mount(Router router, Http http) {
    List<String> paths = new ArrayList<>(ApiFields.TYPES);
    paths.addAll(ApiFields.BATCH_PATHS);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.maxRequestBytes());
    for (String path : paths) {
      for (String route : List.of("/v1/" + path, "/v1/" + path + "/")) {
        router.post(route).handler(ctx -> receive(ctx, body)).handler(ctx -> take(ctx, http, path))
            .failureHandler(http.segmentErrors());
        router.options(route).handler(SegmentRoutes::preflight);
      }
    }
  }

  private void take(RoutingContext ctx, Http http, String path) {
    SegmentIntake.Call call = new SegmentIntake.Call(path, ctx.body().buffer(),
        ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING), ctx.request().getHeader(HttpHeaders.AUTHORIZATION),
        clock.millis());
    http.respond(ctx, () -> intake.read(call), (c, hits) -> {
      List<CompletableFuture<Void>> appended = new ArrayList<>(hits.size());
      for (SegmentHit hit : hits) {
        appended.add(log.append(hit));
      }
      Http.whenDone(c, CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)), (done, failure) -> {
        if (failure != null) {
          done.fail(failure);
        } else {
          done.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(SUCCESS);
        }
      });
    });
  }

  /**
   * Counts the call if it ends refused, refuses any content type but JSON and {@code text/plain}
   * (which analytics.js sends to spare a browser the CORS preflight) before reading the body,
   * then reads the body within the request limit.
   */
  private void receive(RoutingContext ctx, BodyHandler body) {
    allowOrigin(ctx);
    ctx.addEndHandler(done -> {
      int status = ctx.response().getStatusCode();
      if (status >= 400) {
        refused.inc(Integer.toString(status));
      }
    });
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String lower = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
    if (!lower.contains("json") && !lower.startsWith("text/plain")) {
      ctx.fail(new InvalidInputException("Content-Type must be application/json"));
      return;
    }
    body.handle(ctx);
  }

  /** The CORS preflight of a browser about to post from another origin: 204, the method and headers allowed. */
  private static void preflight(RoutingContext ctx) {
    allowOrigin(ctx);
    ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS")
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS)
        .setStatusCode(204).end();
  }

  /** Any origin may post (a browser sends no credentials but the write key): the answer says so to it. */
  private static void allowOrigin(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
  }
}
