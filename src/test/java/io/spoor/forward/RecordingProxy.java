package io.spoor.forward;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTP proxy in front of the remote Spoor that records every request as it arrives (time,
 * method, path and query, body, the status answered) and can answer a request itself instead
 * of passing it on, to play a remote that fails.
 */
final class RecordingProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "keep-alive", "expect");

  /** A request as the proxy saw it, and the status it answered. */
  record Seen(long arrivedAtNanos, String method, String target, String body, int status) {
    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }
  }

  private final HttpServer server;
  private final String upstream;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Function<Seen, Optional<Integer>> fault = s -> Optional.empty();
  private volatile boolean stripRateLimitHeaders;

  RecordingProxy(String upstream) throws IOException {
    this.upstream = upstream;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests for which {@code answer} gives a status are answered with it (and an empty JSON error) instead. */
  void failWith(Function<Seen, Optional<Integer>> answer) {
    this.fault = answer;
  }

  Function<Seen, Optional<Integer>> fault() {
    return fault;
  }

  /** Leaves out the remote's X-HubSpot-RateLimit-* headers, as a remote that does not send them. */
  void stripRateLimitHeaders() {
    this.stripRateLimitHeaders = true;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String target = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    Seen request = new Seen(arrived, exchange.getRequestMethod(), target, body, 0);
    Optional<Integer> failure = fault.apply(request);
    try {
      if (failure.isPresent()) {
        // the message repeats the request's credentials, as a careless remote might
        String credentials = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        answer(exchange, failure.get(), new JsonObject().put("status", "error")
            .put("message", "injected by the test for " + credentials).encode());
        seen.add(new Seen(arrived, request.method(), target, body, failure.get()));
        return;
      }
      HttpResponse<byte[]> response = pass(exchange, target, body);
      response.headers().map().forEach((name, values) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!HOP_HEADERS.contains(lower) && !lower.startsWith(":")
            && !(stripRateLimitHeaders && lower.startsWith("x-hubspot-ratelimit"))) {
          values.forEach(v -> exchange.getResponseHeaders().add(name, v));
        }
      });
      seen.add(new Seen(arrived, request.method(), target, body, response.statusCode()));
      send(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    }
  }

  private HttpResponse<byte[]> pass(HttpExchange exchange, String target, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + target))
        .method(exchange.getRequestMethod(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
