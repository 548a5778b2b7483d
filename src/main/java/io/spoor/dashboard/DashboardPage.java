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
 * {@code src/main/resources/dashboard/}, and {@code /dashboard/assets/vendor/<file>} the chart
 * library, uPlot, from its webjar. A strict Content-Security-Policy allows only these
 * files: no inline script, nothing from another origin.
 */
final class DashboardPage {
  static final String ASSETS = "/dashboard/assets/";
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("app.js", "text/javascript; charset=utf-8"),
      Map.entry("api.js", "text/javascript; charset=utf-8"),
      Map.entry("view.js", "text/javascript; charset=utf-8"),
      Map.entry("settings.js", "text/javascript; charset=utf-8"),
      Map.entry("import-export.js", "text/javascript; charset=utf-8"),
      Map.entry("style.css", "text/css; charset=utf-8"),
      Map.entry("reports.js", "text/javascript; charset=utf-8"),
      Map.entry("chart.js", "text/javascript; charset=utf-8"),
      Map.entry("live.js", "text/javascript; charset=utf-8"),
      Map.entry("format.js", "text/javascript; charset=utf-8"),
      Map.entry("records.js", "text/javascript; charset=utf-8"),
      Map.entry("record-lists.js", "text/javascript; charset=utf-8"),
      Map.entry("contacts.js", "text/javascript; charset=utf-8"),
      Map.entry("companies.js", "text/javascript; charset=utf-8"),
      Map.entry("events-page.js", "text/javascript; charset=utf-8"),
      Map.entry("users.js", "text/javascript; charset=utf-8"),
      Map.entry("report-filters.js", "text/javascript; charset=utf-8"),
      Map.entry("report-tables.js", "text/javascript; charset=utf-8"),
      Map.entry("overview.js", "text/javascript; charset=utf-8"));
  /** The webjar's files, by the name the page asks for. */
  private static final Map<String, String> VENDOR = Map.of(
      "uPlot.esm.js", "text/javascript; charset=utf-8",
      "uPlot.min.css", "text/css; charset=utf-8");
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/";
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final Buffer shell = load("/dashboard/index.html");
  private final Map<String, Buffer> assets = FILES.keySet().stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(f -> f, f -> load("/dashboard/" + f)));
  private final Map<String, Buffer> vendor = VENDOR.keySet().stream().collect(
      java.util.stream.Collectors.toUnmodifiableMap(f -> f, f -> load(UPLOT + uplotVersion() + "/dist/" + f)));

  void mount(Router router) {
    router.get("/").handler(this::shell);
    router.get("/setup").handler(this::shell);
    serve(router, ASSETS + ":file", FILES, assets);
    serve(router, ASSETS + "vendor/:file", VENDOR, vendor);
  }

  /** Answers {@code path}'s {@code :file} from {@code files} with its type from {@code types}; any other name is not found. */
  private static void serve(Router router, String path, Map<String, String> types, Map<String, Buffer> files) {
    router.get(path).handler(ctx -> {
      String file = ctx.pathParam("file");
      if (!types.containsKey(file)) {
        ctx.next();
        return;
      }
      headers(ctx).putHeader(HttpHeaders.CONTENT_TYPE, types.get(file)).end(files.get(file));
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

  /** The webjar's version, as its Maven metadata in the jar says. */
  private static String uplotVersion() {
    java.util.Properties pom = new java.util.Properties();
    try {
      pom.load(new java.io.StringReader(load("/META-INF/maven/org.webjars.npm/uplot/pom.properties").toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static Buffer load(String resource) {
    try (InputStream in = DashboardPage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("dashboard file missing from the jar: " + resource);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
