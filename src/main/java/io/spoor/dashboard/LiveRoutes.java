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
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /dashboard/api/live?hubId=}: server-sent events for the dashboard's live mode. The
 * stream says {@code event: applied} with the number of hits each time a batch of the portal's
 * hits has been committed, and a comment every {@value #KEEP_ALIVE_MS} ms so that proxies and
 * the server's idle timeout keep it open. Streams are bounded per user and per server; one
 * past a bound is answered 429 and counted. A stream lasts as long as its session: when the
 * session ends or loses the portal, the stream says {@code event: ended} and ends.
 */
public final class LiveRoutes implements Routes {
  static final long KEEP_ALIVE_MS = 20_000;
  private final LiveUpdates updates;
  private final DashboardAuth auth;
  private final int perUser;
  private final int perServer;
  private final Counter refused;
  private final Counter ending;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
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
    this.ending = metrics.counter("spoor_dashboard_live_ended_total",
        "Dashboard live streams ended by the server because their session ended (session) or lost their portal "
            + "or role (access)", "reason");
    auth.whenSessionsChange(() -> streams.forEach(Stream::check));
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
    SignedIn signedIn = DashboardAuth.user(ctx);
    Stream stream = new Stream(context, response, ctx.request().getCookie(DashboardAuth.COOKIE).getValue(),
        signedIn.user().role(), hubId);
    streams.add(stream);
    Runnable stop = updates.listen(hubId, hits -> context.runOnContext(v -> stream.checked(() -> send(response,
        "event: applied\ndata: {\"hubId\":" + hubId + ",\"hits\":" + hits + "}\n\n"))));
    long timer = ctx.vertx().setPeriodic(KEEP_ALIVE_MS, id -> stream.checked(() -> send(response, ": keep-alive\n\n")));
    boolean[] released = {false};
    Handler<Void> closed = v -> {
      if (!released[0]) {
        released[0] = true;
        streams.remove(stream);
        stop.run();
        ctx.vertx().cancelTimer(timer);
        release(userId);
      }
    };
    response.closeHandler(closed);
    response.endHandler(closed);
  }

  /**
   * One open stream and the session it was opened under. Before each event it sends, and when
   * sessions change, it reads the session again: once the session has ended (signed out, expired,
   * the password changed elsewhere, the user removed) or lost the stream's portal or its role, the
   * stream says {@code event: ended} with the reason and ends. Touched on its context only.
   */
  private final class Stream {
    private final Context context;
    private final HttpServerResponse response;
    private final String cookie;
    private final Role role;
    private final long hubId;
    private List<Runnable> waiting;

    Stream(Context context, HttpServerResponse response, String cookie, Role role, long hubId) {
      this.context = context;
      this.response = response;
      this.cookie = cookie;
      this.role = role;
      this.hubId = hubId;
    }

    /** Reads the session again, from any thread. */
    void check() {
      context.runOnContext(v -> checked(() -> { }));
    }

    /** Runs {@code then} once the session is read again and still holds; ends the stream otherwise. */
    void checked(Runnable then) {
      if (response.ended() || response.closed()) {
        return;
      }
      if (waiting != null) {
        waiting.add(then);
        return;
      }
      waiting = new ArrayList<>(List.of(then));
      context.owner().<Optional<SignedIn>>executeBlocking(() -> auth.session(cookie), false)
          .onComplete(read -> {
            List<Runnable> ready = waiting;
            waiting = null;
            String ended = read.failed() ? null : endedBy(read.result());
            if (ended != null) {
              if (!response.ended() && !response.closed()) {
                ending.inc(ended);
                response.end("event: ended\ndata: {\"reason\":\"" + ended + "\"}\n\n");
              }
            } else {
              ready.forEach(Runnable::run);
            }
          });
    }

    /** Why the session no longer holds this stream, or null while it does. */
    private String endedBy(Optional<SignedIn> session) {
      if (session.isEmpty() || session.get().mustChangePassword()) {
        return "session";
      }
      User user = session.get().user();
      return user.role() != role || !user.portals().contains(hubId) ? "access" : null;
    }
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
