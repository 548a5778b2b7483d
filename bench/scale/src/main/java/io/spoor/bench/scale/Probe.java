package io.spoor.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times reads of a seeded store through a running Spoor, one request at a time on one
 * keep-alive connection: a contact by email, the busiest contact's timeline, a search by email,
 * a search by first name. Each call is warmed up, then timed for {@code REQUESTS} requests or
 * {@code TIME_LIMIT} seconds, whichever ends first; every answer must be a 200 and the lookups
 * must find their contact.
 *
 * <p>Usage: {@code Probe BASE_URL TOKEN CONTACTS BUSIEST_ID REQUESTS WARMUP TIME_LIMIT_SECONDS}.
 * Prints a markdown table on standard output.
 */
public final class Probe {
  private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"(\\d+)\"");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;
  private final long contacts;
  private final SplittableRandom random = new SplittableRandom(7);

  private Probe(String base, String token, long contacts) {
    this.base = base;
    this.token = token;
    this.contacts = contacts;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: Probe BASE_URL TOKEN CONTACTS BUSIEST_ID REQUESTS WARMUP TIME_LIMIT_SECONDS");
      System.exit(2);
    }
    Probe probe = new Probe(args[0], args[1], Long.parseLong(args[2]));
    long busiest = Long.parseLong(args[3]);
    int requests = Integer.parseInt(args[4]);
    int warmup = Integer.parseInt(args[5]);
    long limitNanos = Long.parseLong(args[6]) * 1_000_000_000L;
    probe.send("PATCH", "/api/v1/portal", "{\"rateLimitSecondly\":0,\"rateLimitDaily\":0}");
    System.out.println("| call | requests | p50 | p99 | max | matches (mean) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    probe.measure("GET contact by email (`idProperty=email`)", requests, warmup, limitNanos, contact -> {
      String body = probe.send("GET", "/crm/v3/objects/contacts/" + encode(ScaleData.email(contact))
          + "?idProperty=email", null);
      return expectId(body, contact);
    });
    probe.measure("timeline of the busiest contact (50 entries)", requests, warmup, limitNanos, contact -> {
      String body = probe.send("GET", "/api/v1/contacts/" + busiest + "/timeline", null);
      return body.contains("\"contactId\":\"" + busiest + "\"") ? 50 : fail("timeline of another contact: " + body);
    });
    probe.measure("search `email` EQ", requests, warmup, limitNanos, contact -> {
      String body = probe.send("POST", "/crm/v3/objects/contacts/search", filter("email", ScaleData.email(contact), 10));
      long total = total(body);
      return total == 1 && body.contains("\"id\":\"" + contact + "\"") ? total : fail("search by email: " + body);
    });
    probe.measure("search `firstname` EQ, limit 10", requests, warmup, limitNanos, contact -> {
      String body = probe.send("POST", "/crm/v3/objects/contacts/search", filter("firstname",
          ScaleData.firstname(contact), 10));
      return total(body);
    });
  }

  /** Runs the call for random contacts, warm-up first, and prints its row. */
  private void measure(String name, int requests, int warmup, long limitNanos, LongFunction<Long> call) {
    System.err.println("[probe] " + name);
    long warmEnd = System.nanoTime() + limitNanos / 4;
    for (int i = 0; i < warmup && System.nanoTime() < warmEnd; i++) {
      call.apply(1 + random.nextLong(contacts));
    }
    long[] nanos = new long[requests];
    long matches = 0;
    int done = 0;
    long end = System.nanoTime() + limitNanos;
    while (done < requests && (done < 10 || System.nanoTime() < end)) {
      long contact = 1 + random.nextLong(contacts);
      long began = System.nanoTime();
      matches += call.apply(contact);
      nanos[done++] = System.nanoTime() - began;
    }
    long[] sorted = Arrays.copyOf(nanos, done);
    Arrays.sort(sorted);
    System.out.printf("| %s | %d | %s | %s | %s | %d |%n", name, done, ms(percentile(sorted, 50)),
        ms(percentile(sorted, 99)), ms(sorted[done - 1]), matches / done);
  }

  private String send(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + token);
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        fail(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String filter(String property, String value, int limit) {
    return "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"" + property + "\",\"operator\":\"EQ\",\"value\":\""
        + value + "\"}]}],\"limit\":" + limit + "}";
  }

  private static long expectId(String body, long contact) {
    Matcher id = ID.matcher(body);
    return id.find() && Long.parseLong(id.group(1)) == contact ? 1 : fail("contact " + contact + " read as " + body);
  }

  private static long total(String body) {
    Matcher total = TOTAL.matcher(body);
    return total.find() ? Long.parseLong(total.group(1)) : fail("no total in " + body);
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
  }

  private static String ms(long nanos) {
    return String.format("%.2f ms", nanos / 1e6);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static long fail(String why) {
    throw new IllegalStateException(why.length() > 500 ? why.substring(0, 500) + "…" : why);
  }
}
