package io.spoor.segment;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** Calls of Segment's Tracking API against a running Spoor, and what it reports of Segment hits. */
final class SegmentCalls {
  private static final Pattern HITS = Pattern.compile(
      "^spoor_hits_total\\{([^}]*)}\\s+([0-9.eE+]+)\\s*$", Pattern.MULTILINE);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final RunningSpoor server;
  private final SpoorClient admin;

  SegmentCalls(RunningSpoor server, SpoorClient admin) {
    this.server = server;
    this.admin = admin;
  }

  /** A new write key of the admin client's portal, by the API. */
  String newWriteKey() {
    SpoorClient.Answer created = admin.send("POST", "/api/v1/write-keys", new JsonObject().put("name", "test"));
    if (created.status() != 201) {
      throw new AssertionError("write key not created: " + created.status() + " " + created.body());
    }
    return created.json().getString("key");
  }

  static String basic(String writeKey) {
    return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON post with the write key as HTTP Basic user. */
  SpoorClient.Answer post(String path, String writeKey, JsonObject body) {
    return post(path, Map.of("Authorization", basic(writeKey), "Content-Type", "application/json"),
        body.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON body sent as written, with the write key as HTTP Basic user. */
  SpoorClient.Answer post(String path, String writeKey, String json) {
    return post(path, Map.of("Authorization", basic(writeKey), "Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  SpoorClient.Answer post(String path, Map<String, String> headers, byte[] body) {
    return send("POST", path, headers, body);
  }

  /** A request of any method, with these headers and body. */
  SpoorClient.Answer send(String method, String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin.base() + path))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new SpoorClient.Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Segment hits applied so far (every outcome but duplicate), once all acknowledged hits are
   * applied: each was made durable, then taken by the applier.
   */
  long hitsTaken() {
    server.awaitApplied();
    return hits(outcome -> !outcome.equals("duplicate"));
  }

  /** Segment hits found to be a message applied before. */
  long duplicates() {
    server.awaitApplied();
    return hits(outcome -> outcome.equals("duplicate"));
  }

  private long hits(java.util.function.Predicate<String> outcome) {
    String metrics = admin.get("/metrics").body();
    long total = 0;
    Matcher m = HITS.matcher(metrics);
    while (m.find()) {
      String labels = m.group(1);
      Matcher o = Pattern.compile("outcome=\"([a-z_]+)\"").matcher(labels);
      if (labels.contains("kind=\"segment\"") && o.find() && outcome.test(o.group(1))) {
        total += (long) Double.parseDouble(m.group(2));
      }
    }
    return total;
  }

  /** The portal's rejections with this reason. */
  long rejections(SpoorClient client, String reason) {
    server.awaitApplied();
    return client.get("/api/v1/rejections?limit=1000").json().getJsonArray("results").stream()
        .filter(r -> ((JsonObject) r).getString("reason").equals(reason)).count();
  }
}
