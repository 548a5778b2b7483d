package io.spoor.dashboard;

import io.spoor.TooManyException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /dashboard/api/live?hubId=}: server-sent events for the dashboard's live mode. The
 * stream says {@code event: applied} with the number of hits each time a batch of the portal's
 * hits has been committed, and a comment every {@value #KEEP_ALIVE_MS} ms so that proxies and
 * the server's idle timeout keep it open. Streams are bounded per user and per server; one
 * past a bound is answered 429 and counted.
 */
public final class LiveRoutes implements Routes {
  static final long KEEP_ALIVE_MS = 20_000;
  private final LiveUpdates updates;
  private final DashboardAuth auth;
  private final int perUser;
  private final int perServer;
  private final Counter refused;
  private final Map<Long, Integer> openByUser = new HashMap<>();
  private int open;

  /** {@code perUser} and {@code perServer}: streams open at once for one user and in all. */
  public LiveRoutes(LiveUpdates updates, DashboardAuth auth, int perUser, int perServer, Metrics metrics) {
    this.updates = updates;
    this.auth = auth;
    this.perUser = perUser;
    this.perServer = perServer;
    this.refused = metrics.counter("spoor_dashboard_live_refused_total",
        "Dashboard live streams refused for being past a bound, by bound (user, server)", "bound");
    metrics.gauge("spoor_dashboard_live_streams", "Dashboard live streams open", this::openStreams);
  }

  @Override
  public void mount(Router router, Http http) {
    router.get(DashboardRoutes.API + "/live").handler(auth.signedIn()).handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    long hubId = DashboardAuth.portal(ctx);
    long userId = DashboardAuth.user(ctx).user().id();
    String bound = take(userId);
    if (bound != null) {
      refused.inc(bound);
      ctx.fail(new TooManyException(bound.equals("user")
          ? "You have " + perUser + " live views open, the most one person may; close one and try again."
          : "The server has " + perServer + " live views open, the most it allows; try again later."));
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader("X-Accel-Buffering", "no");
    response.write("retry: 2000\n\nevent: open\ndata: {\"hubId\":" + hubId + "}\n\n");
    Context context = ctx.vertx().getOrCreateContext();
    Runnable stop = updates.listen(hubId, hits -> context.runOnContext(v -> send(response,
        "event: applied\ndata: {\"hubId\":" + hubId + ",\"hits\":" + hits + "}\n\n")));
    long timer = ctx.vertx().setPeriodic(KEEP_ALIVE_MS, id -> send(response, ": keep-alive\n\n"));
    response.closeHandler(v -> {
      stop.run();
      ctx.vertx().cancelTimer(timer);
      release(userId);
    });
  }

  /** A slow reader misses events rather than making the server hold them: the next one tells it as much. */
  private static void send(HttpServerResponse response, String event) {
    if (!response.closed() && !response.ended() && !response.writeQueueFull()) {
      response.write(event);
    }
  }

  /** Counts a new stream of the user in, or names the bound it would pass. */
  private synchronized String take(long userId) {
    if (open >= perServer) {
      return "server";
    }
    if (openByUser.getOrDefault(userId, 0) >= perUser) {
      return "user";
    }
    open++;
    openByUser.merge(userId, 1, Integer::sum);
    return null;
  }

  private synchronized void release(long userId) {
    open--;
    openByUser.computeIfPresent(userId, (k, n) -> n <= 1 ? null : n - 1);
  }

  private synchronized long openStreams() {
    return open;
  }
}
