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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tracker script, at the embed snippet's URL ({@code /<hubId>.js}) and at HubSpot's
 * analytics URL ({@code /analytics/<cacheBuster>/<hubId>.js}). Each answer is the script with
 * the portal's settings in front, the tracking domain being the public URL's host and path, or
 * without one the host the script was asked from; gzip when accepted, an ETag, five minutes of
 * caching. An unknown hub id gets a script that does nothing but say why in the console.
 *
 * <p>The script itself is compressed once: an answer's gzip body is its settings as a stored
 * (uncompressed) deflate block followed by the script's precompressed blocks, so a request
 * with a Host never seen before costs no compression.
 */
public final class TrackerScriptRoutes implements Routes {
  private static final String SOURCE = load();
  private static final Spliced BODY = Spliced.of(SOURCE.getBytes(StandardCharsets.UTF_8));
  private final Portals portals;
  private final Optional<String> trackingDomain;

  /** {@code publicUrl}: the URL pages reach Spoor at, when set; its host and path become the tracking domain. */
  public TrackerScriptRoutes(Portals portals, Optional<String> publicUrl) {
    this.portals = portals;
    this.trackingDomain = publicUrl.map(url -> url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "")
        .replaceFirst("/+$", ""));
  }

  @Override
  public void mount(Router router, Http http) {
    // regex routes have no path: their names label them in the latency histogram
    router.getWithRegex("/(\\d{1,18})\\.js").setName("/{hubId}.js")
        .handler(ctx -> serve(ctx, http, ctx.pathParam("param0")));
    router.getWithRegex("/analytics/\\d{1,20}/(\\d{1,18})\\.js").setName("/analytics/{cacheBuster}/{hubId}.js")
        .handler(ctx -> serve(ctx, http, ctx.pathParam("param0")));
  }

  private void serve(RoutingContext ctx, Http http, String hubId) {
    String host = trackingDomain.orElseGet(() ->
        Optional.ofNullable(ctx.request().authority()).map(Object::toString).orElse(""));
    http.respond(ctx, () -> script(Long.parseLong(hubId), host), (c, script) -> send(c, script));
  }

  /** The portal's settings, to go in front of the script; the whole script for an unknown hub id. */
  private Script script(long hubId, String host) {
    try {
      Portal portal = portals.get(hubId);
      Privacy p = portal.privacy();
      JsonObject config = new JsonObject().put("hubId", hubId).put("trackingDomain", host)
          .put("requireConsent", p.requireConsent()).put("cookielessBeforeConsent", p.cookielessBeforeConsent())
          .put("bannerText", p.bannerText()).put("honorGpc", p.honorGpc());
      // "</" is escaped so a banner text can never close a script element
      return new Script("var __spoorConfig = " + config.encode().replace("</", "<\\/") + ";\n", BODY);
    } catch (NotFoundException e) {
      return new Script("/* Spoor */ window.console && console.warn('Spoor: no portal has hub id " + hubId
          + "; this page is not tracked.');\n", Spliced.EMPTY);
    }
  }

  private void send(RoutingContext ctx, Script script) {
    String etag = script.etag();
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300").putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/javascript; charset=utf-8")
        .putHeader(HttpHeaders.VARY, "Accept-Encoding");
    if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    String accepts = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING)).orElse("");
    if (accepts.contains("gzip")) {
      ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(script.gzipped());
    } else {
      ctx.response().end(script.plain());
    }
  }

  /**
   * An answer: a prefix made for this request, then a fixed body compressed once. Each form of
   * it is built only when asked for: a revalidation answered 304 builds neither body.
   */
  private record Script(byte[] prefix, Spliced body) {
    Script(String prefix, Spliced body) {
      this(prefix.getBytes(StandardCharsets.UTF_8), body);
    }

    String etag() {
      return "\"" + sha256((sha256(prefix) + body.sha256()).getBytes(StandardCharsets.US_ASCII)).substring(0, 32)
          + "\"";
    }

    Buffer plain() {
      return Buffer.buffer(prefix.length + body.plain().length).appendBytes(prefix).appendBytes(body.plain());
    }

    Buffer gzipped() {
      return Buffer.buffer(body.gzipAfter(prefix));
    }
  }

  /**
   * Text compressed once as raw deflate blocks, to which any prefix can be put in front as
   * stored blocks: gzip header, stored blocks (none final), the text's blocks (the last one
   * final), then the CRC-32 and length of the whole (RFC 1951 and 1952).
   */
  record Spliced(byte[] plain, byte[] deflated, String sha256) {
    static final Spliced EMPTY = of(new byte[0]);
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int MAX_STORED = 65_535;

    static Spliced of(byte[] plain) {
      java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
      try {
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
          out.write(chunk, 0, deflater.deflate(chunk));
        }
        return new Spliced(plain, out.toByteArray(), TrackerScriptRoutes.sha256(plain));
      } finally {
        deflater.end();
      }
    }

    byte[] gzipAfter(byte[] prefix) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER.length + prefix.length + 5 * (prefix.length
          / MAX_STORED + 1) + deflated.length + 8);
      out.writeBytes(HEADER);
      for (int at = 0; at < prefix.length; at += MAX_STORED) {
        int n = Math.min(MAX_STORED, prefix.length - at);
        // BFINAL 0, BTYPE 00 (stored), padded to the byte; then LEN and its complement, little-endian
        out.write(0);
        out.write(n & 0xff);
        out.write(n >>> 8);
        out.write(~n & 0xff);
        out.write((~n >>> 8) & 0xff);
        out.write(prefix, at, n);
      }
      out.writeBytes(deflated);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(prefix);
      crc.update(plain);
      writeInt(out, (int) crc.getValue());
      writeInt(out, prefix.length + plain.length);
      return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
      for (int i = 0; i < 4; i++) {
        out.write((value >>> (8 * i)) & 0xff);
      }
    }
  }

  /** The tracker's size as served to browsers, gzip-compressed. */
  public static int gzippedSize() {
    return BODY.gzipAfter(new byte[0]).length;
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
