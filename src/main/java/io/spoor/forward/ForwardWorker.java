package io.spoor.forward;

import io.spoor.store.Transactor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery in lanes: a dispatcher thread hands each target with calls due to a lane of its own
 * (at most {@code lanes} at once, one lane per target at a time), which takes the target's due
 * calls, oldest first, and sends them at the target's pace, one request at a time; a slow or
 * silent target holds only its own lane. A call to be tried again (or held back by a limit)
 * pauses its target, so calls reach the remote in the order they were queued; a pause the remote
 * asked for (a 429, spent rate-limit headers) is kept in the store and outlives a restart.
 * Contact upserts of several emails due together go as one batch upsert. A delivered call leaves
 * the outbox in the transaction that counts it, after the remote acknowledged it: a crash in
 * between sends that call again on restart (only the calls in flight then; a behavioural event
 * carries its uuid, so the remote drops it). A call the outbox cannot decode is a dead letter
 * with the reason, and the calls after it go on. With several processes on one store, a lane
 * first claims its target's lease ({@link ForwardStore#claim}): only the holder sends the
 * target's calls, and it takes in the day's count and the pauses kept in the store.
 */
public final class ForwardWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForwardWorker.class);
  private static final int BATCH_INPUTS = 100;
  private static final int ROUND = 200;
  private static final long IDLE_MS = 250;
  /** Longer waits for the pace are not waited out: the target is skipped until then. */
  private static final long LONGEST_WAIT_MS = 2_000;
  private static final long TEN_SECONDS = 10_000;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** The longest one request takes before it fails. */
  private static final long LONGEST_REQUEST_MS = CONNECT_TIMEOUT.plus(REQUEST_TIMEOUT).toMillis();
  /**
   * How long a lease on delivering a target lasts: claimed by every round and renewed before
   * every request but a round's first (each takes at most {@link #LONGEST_REQUEST_MS}), it passes
   * only when its holder died or stalled, and then another process takes the target over.
   */
  static final long LEASE_MS = 30_000;

  private final Transactor tx;
  private final ForwardStore store;
  private final Clock clock;
  private final Settlement settlement;
  private final HubSpotCalls calls;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT).build();
  private final Map<Long, Pacer> pacers = new ConcurrentHashMap<>();
  private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();
  /** Targets a lane is delivering to now, and when each other target's next round may start. */
  private final Set<Long> busy = ConcurrentHashMap.newKeySet();
  private final Map<Long, Long> nextRound = new ConcurrentHashMap<>();
  private final Object signal = new Object();
  private final Thread thread;
  private final int lanes;
  private final ExecutorService laneThreads;
  private volatile boolean running = true;
  /** This worker's name in the targets' leases: one per process start. */
  private final String owner = UUID.randomUUID().toString();

  /** @param lanes how many targets are delivered to at once, each by a thread of its own */
  public ForwardWorker(Transactor tx, ForwardStore store, Clock clock, Backoff backoff, ForwardMetrics metrics,
      int lanes) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
    this.settlement = new Settlement(tx, store, clock, backoff, metrics);
    this.calls = new HubSpotCalls(tx, store);
    this.lanes = lanes;
    AtomicInteger laneCount = new AtomicInteger();
    this.laneThreads = Executors.newFixedThreadPool(lanes, work -> {
      Thread lane = new Thread(work, "spoor-forward-lane-" + laneCount.incrementAndGet());
      lane.setDaemon(true);
      return lane;
    });
    this.thread = new Thread(this::run, "spoor-forward");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** The calls of this portal being sent right now. */
  long inFlight(long hubId) {
    return inFlight.getOrDefault(hubId, 0L);
  }

  /** Drops what the worker knows of the portal's target's pace (it was replaced or removed); the day's count is kept in the store. */
  void forget(long hubId) {
    pacers.remove(hubId);
    nextRound.remove(hubId);
  }

  /** Until when the portal's target is paused (its rate limit spent, or a 429), if it is now. */
  OptionalLong pausedUntil(long hubId) {
    Pacer pacer = pacers.get(hubId);
    long until = pacer == null ? 0 : pacer.pausedUntil();
    return until > clock.millis() ? OptionalLong.of(until) : OptionalLong.empty();
  }

  long inFlight() {
    return inFlight.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The dispatcher: hands each target whose round is due to a free lane, and waits for the next. */
  private void run() {
    while (running) {
      try {
        long now = clock.millis();
        long next = now + IDLE_MS;
        for (ForwardTarget target : tx.read(store::targets)) {
          long due = nextRound.getOrDefault(target.hubId(), 0L);
          if (due > now) {
            next = Math.min(next, due);
          } else if (busy.size() < lanes && busy.add(target.hubId())) {
            laneThreads.execute(() -> lane(target));
          }
        }
        pause(next - clock.millis());
      } catch (RuntimeException e) {
        LOG.error("forwarding round failed; trying again shortly", e);
        pause(IDLE_MS * 4);
      }
    }
  }

  /** One round for one target on a lane; a failing round holds back only its own target, a while. */
  private void lane(ForwardTarget target) {
    long next;
    try {
      next = round(target);
    } catch (RuntimeException e) {
      LOG.error("forwarding round of portal {} failed; trying again shortly", target.hubId(), e);
      next = clock.millis() + IDLE_MS * 4;
    }
    nextRound.put(target.hubId(), Math.min(next, clock.millis() + IDLE_MS));
    busy.remove(target.hubId());
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Sends what is due for one target; the time its next round may start. */
  private long round(ForwardTarget target) {
    long now = clock.millis();
    long today = Math.floorDiv(now, Pacer.DAY_MS);
    // starts from nothing: the store's count and pause are taken in below, once the lease is held
    Pacer pacer = pacers.computeIfAbsent(target.hubId(), hub -> new Pacer(target.secondly(), target.daily(), today, 0));
    pacer.limits(target.secondly(), target.daily());
    long leaseUntil = now + LEASE_MS;
    if (!tx.inTransaction(() -> store.claim(target.hubId(), owner, now, leaseUntil))) {
      return now + IDLE_MS; // another process delivers this target now
    }
    // what other processes (and this one before a restart) sent today and the pauses they were asked for hold here too
    ForwardStore.Pace stored = tx.read(() -> store.pace(target.hubId(), today));
    pacer.follow(today, stored.dayCalls(), stored.pausedUntil());
    long wait = pacer.waitMillis(now);
    if (wait > 0) {
      return now + wait;
    }
    List<QueuedCall> due = tx.read(() -> store.due(target.hubId(), now, ROUND));
    List<QueuedCall> undecodable = due.stream().filter(c -> c.call() instanceof ForwardCall.Undecodable).toList();
    if (!undecodable.isEmpty()) {
      settlement.deadLetter(target, undecodable);
      return clock.millis();
    }
    if (due.isEmpty()) {
      return Long.MAX_VALUE;
    }
    Exchange exchange = new PacedExchange(target, pacer, leaseUntil);
    List<QueuedCall> batch = batch(due);
    if (batch.isEmpty()) {
      for (QueuedCall call : due) {
        Verdict verdict = settlement.settle(target, pacer, call, sending(target, 1, () -> calls.send(exchange, target, call.call())));
        // a call to try again pauses the target, so no later call overtakes it; so does a lost lease
        if (!running || verdict == Verdict.RETRY || verdict == Verdict.HELD_BACK) {
          break;
        }
      }
    } else {
      Map<String, Map<String, String>> byEmail = new LinkedHashMap<>();
      batch.forEach(c -> byEmail.computeIfAbsent(Settlement.email(c), e -> new LinkedHashMap<>())
          .putAll(((ForwardCall.UpsertContact) c.call()).properties()));
      settlement.settleBatch(target, pacer, batch,
          sending(target, batch.size(), () -> calls.upsertContacts(exchange, target, byEmail)));
    }
    return clock.millis();
  }

  /**
   * The contact upserts to coalesce into one batch upsert: those of the first 100 emails, when 2 or
   * more; none while calls split from a failed batch are due, so that none is overtaken.
   */
  private static List<QueuedCall> batch(List<QueuedCall> due) {
    if (due.stream().anyMatch(QueuedCall::single)) {
      return List.of();
    }
    List<QueuedCall> upserts = due.stream()
        .filter(c -> c.call() instanceof ForwardCall.UpsertContact && !c.single()).toList();
    Set<String> emails = upserts.stream().map(Settlement::email).distinct().limit(BATCH_INPUTS)
        .collect(Collectors.toSet());
    return emails.size() < 2 ? List.of() : upserts.stream().filter(c -> emails.contains(Settlement.email(c))).toList();
  }

  private RemoteAnswer sending(ForwardTarget target, int count, java.util.function.Supplier<RemoteAnswer> send) {
    inFlight.put(target.hubId(), (long) count);
    try {
      return send.get();
    } finally {
      inFlight.remove(target.hubId());
    }
  }

  private void pause(long millis) {
    if (millis <= 0 || !running) {
      return;
    }
    synchronized (signal) {
      try {
        signal.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Stops after the requests in flight, if any; what is not delivered stays queued for the next start. */
  @Override
  public void close() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join(REQUEST_TIMEOUT.toMillis() * 3);
      laneThreads.shutdown();
      laneThreads.awaitTermination(REQUEST_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
      tx.inTransaction(() -> store.release(owner));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("forwarding leases not released; other processes take the targets over in {} ms", LEASE_MS, e);
    }
  }

  /** Requests at the target's pace, reading the remote's rate-limit headers and 429 answers. */
  private final class PacedExchange implements Exchange {
    private final ForwardTarget target;
    private final Pacer pacer;
    /** Until when the round's own claim holds, while no request used it; 0 after. */
    private long roundLease;

    PacedExchange(ForwardTarget target, Pacer pacer, long roundLease) {
      this.target = target;
      this.pacer = pacer;
      this.roundLease = roundLease;
    }

    @Override
    public RemoteAnswer send(String method, String url, Optional<JsonObject> body, boolean authorized) {
      for (long wait = pacer.waitMillis(clock.millis()); wait > 0; wait = pacer.waitMillis(clock.millis())) {
        if (wait > LONGEST_WAIT_MS || !running) {
          return RemoteAnswer.heldBack();
        }
        pause(wait);
      }
      if (!leased(clock.millis())) {
        LOG.warn("forwarding to portal {} stalled past its lease; another process delivers it now", target.hubId());
        return RemoteAnswer.heldBack();
      }
      pacer.sent(clock.millis());
      RemoteAnswer answer = exchange(method, url, body, authorized);
      pacer.answered(clock.millis());
      long pausedBefore = pacer.pausedUntil();
      heed(answer);
      long paused = pacer.pausedUntil();
      if (paused > pausedBefore) {
        tx.inTransaction(() -> store.pause(target.hubId(), paused));
      }
      return answer;
    }

    /**
     * Whether the lease holds for one more request: the round's claim serves its first request
     * while it outlasts the longest a request takes; any other is claimed anew.
     */
    private boolean leased(long now) {
      long unused = roundLease;
      roundLease = 0;
      return unused - now > LONGEST_REQUEST_MS
          || tx.inTransaction(() -> store.claim(target.hubId(), owner, now, now + LEASE_MS));
    }

    private RemoteAnswer exchange(String method, String url, Optional<JsonObject> body, boolean authorized) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
          .method(method, body.map(b -> HttpRequest.BodyPublishers.ofString(b.encode()))
              .orElse(HttpRequest.BodyPublishers.noBody()));
      body.ifPresent(b -> request.header("Content-Type", "application/json"));
      if (authorized) {
        request.header("Authorization", "Bearer " + target.accessToken());
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
            values.isEmpty() ? "" : values.get(0)));
        return new RemoteAnswer(response.statusCode(), headers, response.body());
      } catch (IOException | IllegalArgumentException e) {
        return RemoteAnswer.none("no answer from " + URI.create(url).getHost() + ": " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
        return RemoteAnswer.none("interrupted");
      }
    }

    /** A 429 pauses the target (the daily limit until the next UTC midnight); so does a limit the headers say is spent. */
    private void heed(RemoteAnswer answer) {
      long now = clock.millis();
      long interval = answer.number("X-HubSpot-RateLimit-Interval-Milliseconds").orElse(TEN_SECONDS);
      if (answer.status() == 429) {
        pacer.pauseUntil(Verdict.daily(answer) ? Pacer.nextMidnight(now)
            : now + Math.max(Settlement.retryAfter(answer), answer.header("X-HubSpot-RateLimit-Interval-Milliseconds")
                .isPresent() ? interval : TEN_SECONDS));
      }
      if (answer.number("X-HubSpot-RateLimit-Daily-Remaining").orElse(1) <= 0) {
        pacer.pauseUntil(Pacer.nextMidnight(now));
      }
      if (answer.number("X-HubSpot-RateLimit-Remaining").orElse(1) <= 0
          || answer.number("X-HubSpot-RateLimit-Secondly-Remaining").orElse(1) <= 0) {
        pacer.pauseUntil(now + interval + Pacer.WINDOW_MS - 1_000);
      }
    }
  }
}
