package io.spoor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long an acknowledged hit takes to show: sends Events API hits for fresh emails, one
 * every {@code intervalMs}, and for each polls the CRM API until the contact reads back, then
 * checks the contact's timeline holds the event. Prints one line with the count and the
 * p50/p99/max of acknowledged-to-visible in milliseconds.
 *
 * <p>Usage: {@code java -cp spoor-bench.jar io.spoor.bench.FreshnessProbe <base-url> <token>
 * <probes> <interval-ms> [known]}
 *
 * <p>With {@code known}, each probe is about a contact created before the timing starts: the hit
 * sets the contact's {@code firstname} to a value of its own, and the probe polls until the CRM
 * API shows it (a hit about a known contact, which a limit on new contacts never refuses).
 *
 * <p>{@code -Dfreshness.read=<base-url>} reads from another server than the one that takes the
 * hits (a collector takes them, an {@code api} process answers the CRM API: bench/scaleout.sh).
 */
public final class FreshnessProbe {
  private static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 2;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String readBase;
  private final String token;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  private FreshnessProbe(String base, String token) {
    this.base = base;
    this.readBase = System.getProperty("freshness.read", base);
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && !(args.length == 5 && args[4].equals("known"))) {
      System.err.println("usage: FreshnessProbe <base-url> <token> <probes> <interval-ms> [known]");
      System.exit(2);
    }
    FreshnessProbe probe = new FreshnessProbe(args[0], args[1]);
    int probes = Integer.parseInt(args[2]);
    long interval = Long.parseLong(args[3]);
    boolean known = args.length == 5;
    if (known) {
      for (int i = 0; i < probes; i++) {
        probe.once(i);
      }
      // the caller starts its load on this line; the timing starts a moment later
      System.err.println("PROBE ready");
      Thread.sleep(3_000);
    }
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<Double>> results = new ArrayList<>();
    for (int i = 0; i < probes; i++) {
      int n = i;
      results.add(pool.submit(() -> known ? probe.update(n) : probe.once(n)));
      Thread.sleep(interval);
    }
    List<Double> millis = new ArrayList<>();
    for (Future<Double> r : results) {
      millis.add(r.get());
    }
    pool.shutdown();
    Collections.sort(millis);
    System.out.printf("FRESHNESS probes=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", millis.size(),
        percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
  }

  /** Milliseconds from the hit's acknowledgement to its contact and event being readable. */
  private double once(int n) throws IOException, InterruptedException {
    String email = "fresh-" + run + "-" + n + "@example.com";
    HttpResponse<Void> ack = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/event?_a=1&_n=freshness_probe&email="
        + email.replace("@", "%40"))).build(), HttpResponse.BodyHandlers.discarding());
    long acknowledged = System.nanoTime();
    if (ack.statusCode() != 200) {
      throw new IllegalStateException("probe hit answered " + ack.statusCode());
    }
    long deadline = acknowledged + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> read = get("/crm/v3/objects/contacts/" + email + "?idProperty=email");
      if (read.statusCode() == 200) {
        double millis = (System.nanoTime() - acknowledged) / 1e6;
        String id = read.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"(\\d+)\".*", "$1");
        String timeline = get("/api/v1/contacts/" + id + "/timeline").body();
        if (!timeline.contains("freshness_probe")) {
          throw new IllegalStateException("contact " + id + " is readable but its timeline lacks the event: " + timeline);
        }
        return millis;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(email + " was not readable within " + GIVE_UP);
  }

  /** Milliseconds from a hit that sets a known contact's property to that value being readable. */
  private double update(int n) throws IOException, InterruptedException {
    String email = "fresh-" + run + "-" + n + "@example.com";
    String value = "v" + Long.toString(System.nanoTime(), 36);
    HttpResponse<Void> ack = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/event?_a=1&_n=freshness_probe&email="
        + email.replace("@", "%40") + "&firstname=" + value)).build(), HttpResponse.BodyHandlers.discarding());
    long acknowledged = System.nanoTime();
    if (ack.statusCode() != 200) {
      throw new IllegalStateException("probe hit answered " + ack.statusCode());
    }
    long deadline = acknowledged + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> read = get("/crm/v3/objects/contacts/" + email + "?idProperty=email&properties=firstname");
      if (read.statusCode() == 200 && read.body().contains("\"" + value + "\"")) {
        return (System.nanoTime() - acknowledged) / 1e6;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(email + "'s firstname " + value + " was not readable within " + GIVE_UP);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(readBase + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
