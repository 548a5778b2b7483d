package io.spoor.reliability;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One seeded fuzzing run against a running server: malformed requests over the given
 * operations from {@link #WORKERS} connections at once, in {@link #BATCHES} batches with a
 * health check after each and a well-formed control write per connection and batch, and what
 * it saw: the answers that broke a rule, the control writes, and what the accepted requests
 * added to the store. Set {@code -Dspoor.fuzz.seed=…} to replay a run and
 * {@code -Dspoor.fuzz.requests=…} for a longer one.
 */
final class FuzzRun {
  static final long SEED = Long.getLong("spoor.fuzz.seed", 20240601L);
  static final int REQUESTS = Integer.getInteger("spoor.fuzz.requests", 20_000);
  static final int WORKERS = 4;
  static final int BATCHES = 20;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

  private final RunningSpoor server;
  final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  final List<String> leaks = Collections.synchronizedList(new ArrayList<>());
  final List<String> notGif = Collections.synchronizedList(new ArrayList<>());
  final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
  final List<String> downAfterBatch = Collections.synchronizedList(new ArrayList<>());
  final List<String> controlsRefused = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> controlContacts = new ConcurrentHashMap<>();
  final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  final Map<String, Boolean> operationsHit = new ConcurrentHashMap<>();
  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger pixelsSent = new AtomicInteger();
  final AtomicInteger oversizedDropped = new AtomicInteger();
  final AtomicInteger accepted = new AtomicInteger();
  /** What the run added to the store. */
  StoreCost cost;

  private FuzzRun(RunningSpoor server) {
    this.server = server;
  }

  /** Fuzzes {@code operations} of {@code server} and returns what the run saw, once it was all applied. */
  static FuzzRun against(RunningSpoor server, List<BadRequests.Operation> operations) throws Exception {
    FuzzRun run = new FuzzRun(server);
    run.run(operations);
    return run;
  }

  private void run(List<BadRequests.Operation> operations) throws Exception {
    server.awaitApplied();
    StoreCost before = StoreCost.of(server.data());
    long started = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      Worker[] each = new Worker[WORKERS];
      for (int w = 0; w < WORKERS; w++) {
        each[w] = new Worker(w, operations);
      }
      for (int batch = 0; batch < BATCHES; batch++) {
        List<Future<?>> running = new ArrayList<>();
        for (Worker worker : each) {
          int share = REQUESTS / BATCHES / WORKERS;
          int b = batch;
          running.add(workers.submit(() -> worker.run(b, share)));
        }
        for (Future<?> f : running) {
          f.get(120, TimeUnit.SECONDS);
        }
        checkUp(batch);
      }
      for (Worker worker : each) {
        worker.close();
      }
    } finally {
      workers.shutdownNow();
    }
    server.awaitApplied();
    cost = StoreCost.of(server.data()).since(before);
    System.out.printf("fuzz: seed %d, %d requests (%d pixels, %d oversized cut off) in %.1f s; statuses %s; "
        + "%d accepted added %d rows, %d bytes (file and log grew %d bytes)%n",
        SEED, sent.get(), pixelsSent.get(), oversizedDropped.get(), (System.nanoTime() - started) / 1e9,
        new TreeMap<>(statuses), accepted.get(), cost.rows(), cost.bytes(), cost.fileBytes());
  }

  /** One connection's share of the fuzzing, with one well-formed control write per batch. */
  private final class Worker {
    private final int id;
    private final List<BadRequests.Operation> operations;
    private final List<BadRequests.Operation> tracking;
    private final Junk junk;
    private final BadRequests requests;
    private final RawHttp connection;

    Worker(int id, List<BadRequests.Operation> operations) {
      this.id = id;
      this.operations = operations;
      this.tracking = operations.stream().filter(o -> !o.authenticated() && (o.path().startsWith("/__pt")
          || o.path().startsWith("/v1/event"))).collect(Collectors.toList());
      this.junk = new Junk(new Random(SEED * 31 + id));
      this.requests = new BadRequests(junk, RunningSpoor.TOKEN);
      this.connection = new RawHttp(server.spoor().port(), ANSWER_TIMEOUT);
    }

    void run(int batch, int count) {
      int control = junk.random().nextInt(count);
      for (int i = 0; i < count; i++) {
        if (i == control) {
          control(batch);
        }
        BadRequests.Operation op = junk.chance(0.3) ? junk.pick(tracking) : junk.pick(operations);
        operationsHit.put(op.method() + " " + op.path(), true);
        send(requests.next(op));
      }
    }

    private void send(BadRequests.Request request) {
      sent.incrementAndGet();
      if (request.pixel()) {
        pixelsSent.incrementAndGet();
      }
      RawHttp.Answer answer;
      try {
        answer = connection.exchange(request.bytes());
      } catch (IOException e) {
        connection.close();
        if (request.oversized()) {
          oversizedDropped.incrementAndGet();
        } else {
          unanswered.add(e + ": " + request.describe());
        }
        return;
      }
      statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
      if (answer.status() / 100 == 2) {
        accepted.incrementAndGet();
      }
      String body = new String(answer.body(), StandardCharsets.ISO_8859_1);
      if (answer.status() >= 500 && answer.status() != 503) {
        serverErrors.add(answer.status() + " " + shorten(body) + " for " + request.describe());
      }
      LeakCheck.leak(body).ifPresent(marker -> leaks.add(marker + " in " + shorten(body) + " for " + request.describe()));
      if (request.pixel() && !"image/gif".equals(answer.header("content-type"))) {
        notGif.add(answer.status() + " " + answer.header("content-type") + " for " + request.describe());
      }
    }

    /** A well-formed write: a contact through the CRM API, or one through the Events HTTP API. */
    private void control(int batch) {
      String email = "control-" + batch + "-" + id + "@example.com";
      String firstname = "Control " + batch + " " + id;
      byte[] request;
      int expected;
      if (batch % 2 == 0) {
        request = RawHttp.request("POST", "/crm/v3/objects/contacts", Map.of("Authorization",
            "Bearer " + RunningSpoor.TOKEN, "Content-Type", "application/json"), new JsonObject().put("properties",
            new JsonObject().put("email", email).put("firstname", firstname)).encode().getBytes(StandardCharsets.UTF_8));
        expected = 201;
      } else {
        request = RawHttp.request("GET", "/v1/event?_a=1&_n=control_signup&email=" + Junk.encode(email)
            + "&firstname=" + Junk.encode(firstname), Map.of(), null);
        expected = 200;
      }
      try {
        RawHttp.Answer answer = connection.exchange(request);
        if (answer.status() == expected) {
          accepted.incrementAndGet();
          controlContacts.put(email, firstname);
        } else {
          controlsRefused.add(answer.status() + " " + answer.text() + " for " + email);
        }
      } catch (IOException e) {
        connection.close();
        controlsRefused.add(e + " for " + email);
      }
    }

    void close() {
      connection.close();
    }
  }

  private void checkUp(int batch) {
    for (String path : List.of("/healthz", "/readyz")) {
      try (RawHttp probe = new RawHttp(server.spoor().port(), Duration.ofSeconds(5))) {
        int status = probe.exchange(RawHttp.request("GET", path, Map.of(), null)).status();
        if (status != 200) {
          downAfterBatch.add(path + " answered " + status + " after batch " + batch);
        }
      } catch (IOException e) {
        downAfterBatch.add(path + " did not answer after batch " + batch + ": " + e);
      }
    }
  }

  /** The operations of the OpenAPI document the server serves. */
  static List<BadRequests.Operation> operations(SpoorClient client) {
    JsonObject paths = client.get("/api/openapi.json").json().getJsonObject("paths");
    List<BadRequests.Operation> operations = new ArrayList<>();
    for (String path : paths.fieldNames()) {
      JsonObject methods = paths.getJsonObject(path);
      for (String method : methods.fieldNames()) {
        operations.add(new BadRequests.Operation(method.toUpperCase(java.util.Locale.ROOT), path,
            methods.getJsonObject(method).containsKey("security")));
      }
    }
    return operations;
  }

  private static String shorten(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
  }

  static String report(String what, List<String> problems) {
    synchronized (problems) {
      return problems.size() + " " + what + " (seed " + SEED + "), first ones:\n  "
          + problems.stream().limit(15).collect(Collectors.joining("\n  "));
    }
  }
}
