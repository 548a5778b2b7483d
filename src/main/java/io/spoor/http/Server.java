package io.spoor.http;

import io.spoor.InvalidInputException;
import io.spoor.ops.Counter;
import io.spoor.ops.Histogram;
import io.spoor.ops.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP server: limits (URL → 414, headers → 431, body → 413, a request sent too slowly →
 * 408 or a closed connection, no valid {@code Host} → 400), TLS, correlation ids, request latency by route, every feature's
 * routes, and the error mapper for failures and unknown routes. Handlers run on the event loop
 * and never block it.
 */
public final class Server {
  private static final int IDLE_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final HttpServerSettings settings;
  private final List<Routes> routes;
  private final Http http;
  private final Histogram latency;
  private final Counter refused;
  private final ErrorMapper errors = new ErrorMapper();
  private HttpServer server;
  private Router router;

  public Server(Vertx vertx, HttpServerSettings settings, List<Routes> routes, Http http, Metrics metrics) {
    this.vertx = vertx;
    this.settings = settings;
    this.routes = List.copyOf(routes);
    this.http = http;
    this.latency = metrics.histogram("spoor_http_request_seconds",
        "Time from request to answer, by route", Histogram.LATENCY_SECONDS, "route", "status");
    this.refused = metrics.counter("spoor_http_refused_total",
        "Requests refused before routing, by reason (bad_host: no valid Host header)", "reason");
  }

  /** Starts listening and returns the bound port. */
  public int start() {
    // HTTP/1.1 only: HubSpot's clients and the tracker speak nothing else in clear text, and
    // sniffing for an h2c preface holds a connection's first bytes outside any request deadline
    HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
        .setMaxInitialLineLength(settings.maxUrlBytes()).setMaxHeaderSize(16 * 1024)
        .setIdleTimeout(IDLE_TIMEOUT_SECONDS).setTcpNoDelay(true).setHttp2ClearTextEnabled(false);
    // over TLS, HTTP/2 is offered by ALPN next to HTTP/1.1 (no preface sniffing involved)
    settings.tls().ifPresent(tls -> options.setSsl(true).setUseAlpn(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(tls.certificate().toString()).setKeyPath(tls.privateKey().toString())));
    router = router();
    RequestDeadlines deadlines = new RequestDeadlines(vertx, settings.requestTimeout());
    server = vertx.createHttpServer(options).connectionHandler(deadlines::watch).requestHandler(request -> {
      deadlines.received(request);
      if (request.version() != HttpVersion.HTTP_2 && request.authority() == null) {
        refuseBadHost(request);
        return;
      }
      router.handle(request);
    });
    return server.listen().toCompletionStage().toCompletableFuture().join().actualPort();
  }

  /**
   * An HTTP/1.x request without a Host header that parses as {@code host[:port]} is answered
   * 400 before routing (the router cannot handle it), counted, and not logged: browsers always
   * send a valid Host, so this is never a page's beacon, and a client can send it by the
   * thousand. The connection is closed, as the request's body is left unread.
   */
  private void refuseBadHost(HttpServerRequest request) {
    refused.inc("bad_host");
    String id = Correlation.newId();
    request.response().setStatusCode(400).putHeader(HttpHeaders.CONNECTION, "close")
        .putHeader(Correlation.HEADER, id)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
        .end(ErrorMapper.body("The request needs a valid Host header (host or host:port)", id, "VALIDATION_ERROR")
            .encode())
        .onComplete(done -> request.connection().close());
  }

  /** Every mounted endpoint as {@code "METHOD /path/{param}"} (regex routes as their pattern). */
  public List<String> endpoints() {
    List<String> endpoints = new java.util.ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath() != null ? route.getPath().replaceAll(":(\\w+)", "{$1}") : null;
      if (route.methods() != null && path != null) {
        route.methods().forEach(m -> endpoints.add(m.name() + " " + path));
      }
    }
    return endpoints;
  }

  public void stop() {
    if (server != null) {
      server.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(Correlation::assign);
    router.route().handler(this::measure);
    router.route().handler(Server::wellFormedTarget);
    routes.forEach(r -> r.mount(router, http));
    router.route().failureHandler(ctx -> Correlation.within(ctx, () -> errors.handle(ctx)));
    for (int status : new int[] {400, 404, 405, 413, 415}) {
      router.errorHandler(status, ctx -> Correlation.within(ctx, () -> errors.handle(ctx, status)));
    }
    return router;
  }

  /**
   * Refuses a path or query string with broken percent-encoding or invalid UTF-8 before any
   * handler reads it (the router would take a path's bad bytes as U+FFFD). The tracking
   * endpoints, which must answer every beacon, read their queries themselves.
   */
  private static void wellFormedTarget(RoutingContext ctx) {
    String path = ctx.request().path();
    boolean tracking = path.startsWith("/__pt") || path.startsWith("/v1/event");
    if (!tracking && QueryString.decode(path.replace("+", "%2B")).isEmpty()) {
      ctx.fail(new InvalidInputException("The path has malformed percent-encoding or invalid UTF-8"));
      return;
    }
    if (!tracking && !QueryString.parse(ctx.request().query()).malformed().isEmpty()) {
      ctx.fail(new InvalidInputException("The query string has malformed percent-encoding or invalid UTF-8"));
      return;
    }
    ctx.next();
  }

  private void measure(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> {
      Route route = ctx.currentRoute();
      // a regex route has no path: it is measured under its name
      String path = route == null ? null : route.getPath() != null ? route.getPath() : route.getName();
      path = path == null ? "unmatched" : path;
      latency.observe((System.nanoTime() - started) / 1e9, path,
          Integer.toString(ctx.response().getStatusCode()));
    });
    ctx.next();
  }

  /**
   * Cuts off clients that send a request too slowly, which the idle timeout cannot do: one byte
   * now and then keeps a connection from being idle. Each connection must deliver a
   * request head within the timeout of opening or of its previous answer, and the body within
   * the timeout of the head; a late body is answered 408, a late head gets the connection
   * closed. Time spent answering does not count. Everything for one connection runs on its
   * event loop.
   */
  private static final class RequestDeadlines {
    private final Vertx vertx;
    private final long timeoutNanos;
    private final long tickMillis;
    private final Map<HttpConnection, Watch> watched = new ConcurrentHashMap<>();

    RequestDeadlines(Vertx vertx, Duration timeout) {
      this.vertx = vertx;
      this.timeoutNanos = timeout.toNanos();
      this.tickMillis = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
    }

    void watch(HttpConnection connection) {
      Watch watch = new Watch(connection);
      watched.put(connection, watch);
      watch.timer = vertx.setPeriodic(tickMillis, id -> watch.check());
      connection.closeHandler(v -> stop(connection));
    }

    void received(HttpServerRequest request) {
      Watch watch = watched.get(request.connection());
      if (watch == null) {
        return;
      }
      watch.request = request;
      watch.since = System.nanoTime();
      watch.answered = false;
    }

    private void stop(HttpConnection connection) {
      Watch watch = watched.remove(connection);
      if (watch != null) {
        vertx.cancelTimer(watch.timer);
      }
    }

    private final class Watch {
      private final HttpConnection connection;
      private long timer;
      private HttpServerRequest request;
      private long since = System.nanoTime();
      private boolean answered;

      Watch(HttpConnection connection) {
        this.connection = connection;
      }

      void check() {
        long now = System.nanoTime();
        if (request != null && request.isEnded()) {
          if (!request.response().ended()) {
            since = now;
            return;
          }
          if (!answered) {
            // waiting for the next request on a kept-alive connection from now on
            answered = true;
            since = now;
            return;
          }
        }
        if (now - since < timeoutNanos) {
          return;
        }
        stop(connection);
        if (request != null && !request.isEnded() && !request.response().headWritten()) {
          request.response().setStatusCode(408).putHeader(HttpHeaders.CONNECTION, "close")
              .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
              .end(ErrorMapper.body("The request was not received in time", Correlation.newId(), "VALIDATION_ERROR")
                  .encode())
              .onComplete(done -> connection.close());
        } else {
          connection.close();
        }
      }
    }
  }
}
