package io.spoor.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The website being tracked: a static server on its own port of 127.0.0.1, serving pages made
 * from the templates in {@code src/test/resources/browser/} with the embed code pointing at
 * Spoor. Pages are published by path before a browser opens them; anything else is a 404.
 */
final class TestSite implements AutoCloseable {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
  private final HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final String spoorHost;
  private final long hubId;

  private TestSite(HttpServer server, String spoorHost, long hubId) {
    this.server = server;
    this.spoorHost = spoorHost;
    this.hubId = hubId;
  }

  /** A site on a free port whose pages load the tracker from {@code spoorHost} (host:port). */
  static TestSite start(String spoorHost, long hubId) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      TestSite site = new TestSite(server, spoorHost, hubId);
      server.createContext("/", site::serve);
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes {@code template} at {@code path} with its {@code ${name}} placeholders filled
   * ({@code spoor} and {@code hubId} are always known); returns the page's URL.
   */
  String publish(String path, String template, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("spoor", spoorHost);
    all.put("hubId", Long.toString(hubId));
    Matcher m = PLACEHOLDER.matcher(template(template));
    StringBuilder html = new StringBuilder();
    while (m.find()) {
      String value = all.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(template + " needs a value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(html, Matcher.quoteReplacement(value));
    }
    m.appendTail(html);
    pages.put(path, html.toString());
    return url(path);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static String template(String name) {
    try (InputStream in = TestSite.class.getResourceAsStream("/browser/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no page template src/test/resources/browser/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String page = "GET".equals(exchange.getRequestMethod()) ? pages.get(exchange.getRequestURI().getPath()) : null;
      byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain; charset=utf-8"
          : "text/html; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
