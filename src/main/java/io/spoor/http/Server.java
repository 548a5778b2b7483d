package io.spoor.http;

import io.spoor.InvalidInputException;
import io.spoor.ops.Histogram;
import io.spoor.ops.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The HTTP server: limits (URL → 414, headers → 431, body → 413), correlation ids, request
 * latency by route, every feature's routes, and the error mapper for failures and unknown
 * routes. Handlers run on the event loop and never block it.
 */
public final class Server {
  private static final int IDLE_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final HttpServerSettings settings;
  private final List<Routes> routes;
  private final Http http;
  private final Histogram latency;
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
  }

  /** Starts listening and returns the bound port. */
  public int start() {
    HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
        .setMaxInitialLineLength(settings.maxUrlBytes()).setMaxHeaderSize(16 * 1024)
        .setIdleTimeout(IDLE_TIMEOUT_SECONDS).setTcpNoDelay(true);
    router = router();
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen().toCompletionStage().toCompletableFuture().join().actualPort();
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
    router.route().handler(Server::wellFormedQuery);
    routes.forEach(r -> r.mount(router, http));
    router.route().failureHandler(errors::handle);
    for (int status : new int[] {400, 404, 405, 413, 415}) {
      router.errorHandler(status, errors::handle);
    }
    return router;
  }

  /**
   * Refuses a query string with broken percent-encoding before any handler reads it. The
   * tracking endpoints, which must answer every beacon, read their queries themselves.
   */
  private static void wellFormedQuery(RoutingContext ctx) {
    String path = ctx.request().path();
    boolean tracking = path.startsWith("/__pt") || path.startsWith("/v1/event");
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
      String path = route == null || route.getPath() == null ? "unmatched" : route.getPath();
      latency.observe((System.nanoTime() - started) / 1e9, path,
          Integer.toString(ctx.response().getStatusCode()));
    });
    ctx.next();
  }
}
