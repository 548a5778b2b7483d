package io.spoor.track;

import io.spoor.NotFoundException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.portal.Portal;
import io.spoor.portal.Portals;
import io.spoor.portal.Privacy;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The tracker script, at the embed snippet's URL ({@code /<hubId>.js}) and at HubSpot's
 * analytics URL ({@code /analytics/<cacheBuster>/<hubId>.js}). Each answer is the script with
 * the portal's settings in front, the tracking domain being the host the script was asked
 * from; gzip when accepted, an ETag, five minutes of caching. An unknown hub id gets a script
 * that does nothing but say why in the console.
 */
public final class TrackerScriptRoutes implements Routes {
  private static final String SOURCE = load();
  private final Portals portals;
  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

  public TrackerScriptRoutes(Portals portals) {
    this.portals = portals;
  }

  @Override
  public void mount(Router router, Http http) {
    router.getWithRegex("/(\\d{1,18})\\.js").handler(ctx -> serve(ctx, http, ctx.pathParam("param0")));
    router.getWithRegex("/analytics/\\d{1,20}/(\\d{1,18})\\.js")
        .handler(ctx -> serve(ctx, http, ctx.pathParam("param0")));
  }

  private void serve(RoutingContext ctx, Http http, String hubId) {
    String host = Optional.ofNullable(ctx.request().authority()).map(Object::toString).orElse("");
    http.respond(ctx, () -> script(Long.parseLong(hubId), host), (c, script) -> send(c, script));
  }

  private String script(long hubId, String host) {
    try {
      Portal portal = portals.get(hubId);
      Privacy p = portal.privacy();
      JsonObject config = new JsonObject().put("hubId", hubId).put("trackingDomain", host)
          .put("requireConsent", p.requireConsent()).put("cookielessBeforeConsent", p.cookielessBeforeConsent())
          .put("bannerText", p.bannerText()).put("honorGpc", p.honorGpc());
      // "</" is escaped so a banner text can never close a script element
      return "var __spoorConfig = " + config.encode().replace("</", "<\\/") + ";\n" + SOURCE;
    } catch (NotFoundException e) {
      return "/* Spoor */ window.console && console.warn('Spoor: no portal has hub id " + hubId
          + "; this page is not tracked.');\n";
    }
  }

  private void send(RoutingContext ctx, String script) {
    if (rendered.size() > 256) {
      rendered.clear();
    }
    Rendered r = rendered.computeIfAbsent(script, Rendered::of);
    String etag = r.etag();
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300").putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/javascript; charset=utf-8")
        .putHeader(HttpHeaders.VARY, "Accept-Encoding");
    if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    String accepts = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING)).orElse("");
    if (accepts.contains("gzip")) {
      ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(r.gzipped());
    } else {
      ctx.response().end(r.plain());
    }
  }

  /** A script ready to send: plain, compressed, and its entity tag. */
  private record Rendered(Buffer plain, Buffer gzipped, String etag) {
    static Rendered of(String script) {
      byte[] plain = script.getBytes(StandardCharsets.UTF_8);
      return new Rendered(Buffer.buffer(plain), Buffer.buffer(gzip(plain)),
          "\"" + sha256(plain).substring(0, 32) + "\"");
    }
  }

  /** The tracker's size as served to browsers, gzip-compressed. */
  public static int gzippedSize() {
    return gzip(SOURCE.getBytes(StandardCharsets.UTF_8)).length;
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(9);
      }
    }) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String load() {
    try (InputStream in = TrackerScriptRoutes.class.getResourceAsStream("tracker.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("tracker.js is missing from the jar", e);
    }
  }
}
