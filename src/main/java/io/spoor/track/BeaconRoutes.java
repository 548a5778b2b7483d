package io.spoor.track;

import io.spoor.Ids;
import io.spoor.http.QueryString;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.ingest.BeaconHit;
import io.spoor.ingest.HitIds;
import io.spoor.ingest.IngestLog;
import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The tracking code's beacons. Every answer is the GIF, whatever happened: 200 once the hit
 * is durable, 503 (still a GIF) when it could not be taken. Tracker error reports
 * ({@code /__pto.gif}) and beacons naming no hub id are only counted.
 */
public final class BeaconRoutes implements Routes {
  private final IngestLog log;
  private final Clock clock;
  private final Counter trackerErrors;
  private final Counter unattributed;

  public BeaconRoutes(IngestLog log, Clock clock, Metrics metrics) {
    this.log = log;
    this.clock = clock;
    this.trackerErrors = metrics.counter("spoor_tracker_errors_total", "Error reports sent by trackers");
    this.unattributed = metrics.counter("spoor_beacons_unattributed_total",
        "Beacons without a numeric hub id (a): counted, not kept");
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/__ptq.gif").handler(ctx -> typed(ctx));
    router.get("/__ptbe.gif").handler(ctx -> take(ctx, BeaconHit.Kind.BEHAVIORAL_EVENT));
    router.get("/__ptc.gif").handler(ctx -> take(ctx, BeaconHit.Kind.CLICK));
    router.get("/__pto.gif").handler(ctx -> {
      trackerErrors.inc();
      gif(ctx, 200);
    });
  }

  /** {@code /__ptq.gif}: the kind is in {@code k}. */
  private void typed(RoutingContext ctx) {
    // parsed here, not by the server: a malformed escape anywhere must still get the GIF
    String k = QueryString.parse(ctx.request().query()).first(TrackerParams.KIND).orElse("");
    switch (k) {
      case "1":
        take(ctx, BeaconHit.Kind.PAGE_VIEW);
        break;
      case "3":
        take(ctx, BeaconHit.Kind.EVENT);
        break;
      case "28":
        take(ctx, BeaconHit.Kind.CONSENT_GIVEN);
        break;
      case "29":
        take(ctx, BeaconHit.Kind.CONSENT_DECLINED);
        break;
      case "30":
        take(ctx, BeaconHit.Kind.CONSENT_REVOKED);
        break;
      default:
        // form views and submissions (k=15..19) and unknown kinds: accepted, counted, not kept
        unattributed.inc();
        gif(ctx, 200);
    }
  }

  private void take(RoutingContext ctx, BeaconHit.Kind kind) {
    String raw = ctx.request().query();
    QueryString query = QueryString.parse(raw);
    Optional<Long> hubId = query.first(TrackerParams.HUB_ID).flatMap(a -> Ids.parse(a.trim()));
    if (hubId.isEmpty()) {
      unattributed.inc();
      gif(ctx, 200);
      return;
    }
    long now = clock.millis();
    String userAgent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
    BeaconHit hit = new BeaconHit(HitIds.timeOrdered(now), hubId.get(), now, kind,
        query.params(), Bots.isBot(userAgent),
        "1".equals(ctx.request().getHeader("Sec-GPC")) || "1".equals(ctx.request().getHeader("DNT")),
        HitIds.bounded(raw), userAgent == null ? "" : HitIds.bounded(userAgent));
    Http.whenDone(ctx, log.append(hit), (c, failure) -> gif(c, failure == null ? 200 : 503));
  }

  private static void gif(RoutingContext ctx, int status) {
    if (status == 503) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Gif.CONTENT_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(Gif.PIXEL);
  }
}
