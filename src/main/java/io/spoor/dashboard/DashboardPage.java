package io.spoor.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page: {@code GET /} (and {@code /setup}, the first start's link) serve the shell, and
 * {@code /dashboard/assets/<file>} its own ES modules and style, read once from
 * {@code src/main/resources/dashboard/}. A strict Content-Security-Policy allows only these
 * files: no inline script, nothing from another origin.
 */
final class DashboardPage {
  static final String ASSETS = "/dashboard/assets/";
  private static final Map<String, String> FILES = Map.of(
      "app.js", "text/javascript; charset=utf-8",
      "api.js", "text/javascript; charset=utf-8",
      "view.js", "text/javascript; charset=utf-8",
      "settings.js", "text/javascript; charset=utf-8",
      "import-export.js", "text/javascript; charset=utf-8",
      "style.css", "text/css; charset=utf-8");
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final Buffer shell = load("index.html");
  private final Map<String, Buffer> assets = FILES.keySet().stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(f -> f, DashboardPage::load));

  void mount(Router router) {
    router.get("/").handler(this::shell);
    router.get("/setup").handler(this::shell);
    router.get(ASSETS + ":file").handler(ctx -> {
      String file = ctx.pathParam("file");
      if (!FILES.containsKey(file)) {
        ctx.next();
        return;
      }
      headers(ctx).putHeader(HttpHeaders.CONTENT_TYPE, FILES.get(file)).end(assets.get(file));
    });
  }

  private void shell(RoutingContext ctx) {
    headers(ctx).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(shell);
  }

  private static io.vertx.core.http.HttpServerResponse headers(RoutingContext ctx) {
    return ctx.response().putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
  }

  private static Buffer load(String file) {
    try (InputStream in = DashboardPage.class.getResourceAsStream("/dashboard/" + file)) {
      if (in == null) {
        throw new IllegalStateException("dashboard file missing from the jar: " + file);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
