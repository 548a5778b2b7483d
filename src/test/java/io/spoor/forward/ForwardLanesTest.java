package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.ops.Metrics;
import io.spoor.portal.Portals;
import io.spoor.portal.SqlPortalStore;
import io.spoor.portal.SqlTokenStore;
import io.spoor.store.Database;
import io.spoor.store.Transactor;
import io.spoor.testkit.Polling;
import io.spoor.testkit.TempStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery worker against scripted remotes: each target in a lane of its own, a pause the
 * remote asked for kept across a restart, and a call the outbox cannot decode dead-lettered.
 */
@ExtendWith(TempStore.class)
class ForwardLanesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Clock clock = Clock.systemUTC();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private Database db;
  private SqlForwardStore store;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    store = new SqlForwardStore(db);
    Portals portals = new Portals(db, new SqlPortalStore(db), new SqlTokenStore(db, clock), clock);
    portals.create(1, "One");
    portals.create(2, "Two");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  private ForwardWorker worker(int lanes) {
    return worker(db, store, lanes);
  }

  private ForwardWorker worker(Transactor tx, ForwardStore store, int lanes) {
    ForwardWorker worker = new ForwardWorker(tx, store, clock, Backoff.of(Duration.ofMillis(50), Duration.ofSeconds(1),
        Duration.ofHours(1)), new ForwardMetrics(new Metrics()), lanes);
    opened.add(0, worker);
    return worker;
  }

  /** A remote that answers every request by {@code answer}, passing none on. */
  private RecordingProxy remote(Function<RecordingProxy.Seen, Optional<Integer>> answer) throws IOException {
    RecordingProxy remote = new RecordingProxy("http://127.0.0.1:9");
    remote.failWith(answer);
    opened.add(remote);
    return remote;
  }

  private void target(long hubId, RecordingProxy remote) {
    db.inTransaction(() -> store.saveTarget(new ForwardTarget(hubId, remote.url(), "pat-token-0123456789",
        remote.url(), 42, 50, 40_000, false), clock.millis()));
  }

  private void queue(long hubId, String email) {
    db.inTransaction(() -> store.enqueue(hubId, new ForwardCall.UpsertContact(email, Map.of("firstname", "Ann")),
        clock.millis()));
  }

  private long queued(long hubId) {
    return db.read(() -> store.status(hubId, 0).queued());
  }

  private Forwarding forwarding(ForwardWorker worker) {
    return new Forwarding(db, store, worker, new SqlOutbox(db, store, clock), clock);
  }

  @Test
  void aSlowTargetHoldsBackOnlyItsOwnCalls() throws IOException {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    target(1, remote(seen -> {
      arrived.countDown();
      ForwardingFixture.await(release);
      return Optional.of(200);
    }));
    target(2, remote(seen -> Optional.of(200)));
    queue(1, "slow@example.com");
    queue(2, "fast@example.com");
    worker(4).start();
    try {
      ForwardingFixture.await(arrived);
      // well within the 10 s a request may take: a target that had to wait for the slow one would miss it
      Polling.until("the other target's call to be delivered", Duration.ofSeconds(5), () -> queued(2), q -> q == 0);
      assertEquals(1, queued(1));
    } finally {
      release.countDown();
    }
    Polling.until("the slow target's call to be delivered", WAIT, () -> queued(1), q -> q == 0);
  }

  @Test
  void aPauseTheRemoteAskedForOutlivesARestart() throws IOException {
    RecordingProxy remote = remote(seen -> Optional.of(429));
    target(1, remote);
    queue(1, "ann@example.com");
    ForwardWorker first = worker(4);
    first.start();
    long until = Polling.until("the remote's 429 to pause the target", WAIT,
        () -> forwarding(first).get(1).pausedUntil(), p -> p.isPresent()).getAsLong();
    first.close();

    ForwardWorker second = worker(4);
    assertEquals(until, forwarding(second).get(1).pausedUntil().orElse(0));
    second.start();
    target(2, remote(seen -> Optional.of(200)));
    queue(2, "bob@example.com");
    Polling.until("another target's call to be delivered", WAIT, () -> queued(2), q -> q == 0);
    assertEquals(1, remote.seen().size());
    assertEquals(1, queued(1));
  }

  @Test
  void aRoundReadsThePaceOnceAndClaimsTheLeaseOncePerRequest() throws IOException {
    LaneTransactions lanes = new LaneTransactions(db);
    List<List<List<String>>> atRequests = new CopyOnWriteArrayList<>();
    target(1, remote(seen -> {
      atRequests.add(lanes.sofar());
      return Optional.of(200);
    }));
    // one email twice: two requests, not one batch upsert
    queue(1, "ann@example.com");
    queue(1, "ann@example.com");
    worker(lanes, lanes.watching(store), 1).start();

    Polling.until("both calls to be delivered", WAIT, () -> queued(1), q -> q == 0);
    List<List<String>> beforeFirst = atRequests.get(0);
    List<List<String>> beforeSecond = atRequests.get(1);
    assertEquals(List.of(List.of("claim"), List.of("pace"), List.of("due")), beforeFirst);
    assertEquals(List.of(List.of("delivered", "recordAnswer"), List.of("claim")),
        beforeSecond.subList(beforeFirst.size(), beforeSecond.size()));
  }

  @Test
  void aCallTheOutboxCannotDecodeIsADeadLetterWithItsReasonAndTheCallsAfterItGoOn() throws IOException {
    RecordingProxy remote = remote(seen -> Optional.of(200));
    target(1, remote);
    db.inTransaction(() -> db.handle().createUpdate("INSERT INTO forward_call (hub_id, kind, call, queued_at, due_at) "
        + "VALUES (1, 'UpsertContact', '{\"email\": broken', 0, 0)").execute());
    queue(1, "ann@example.com");
    worker(4).start();

    Polling.until("the decodable call to be delivered", WAIT, () -> queued(1), q -> q == 0);
    List<QueuedCall> dead = forwarding(worker(1)).deadLetters(1, 0, 10);
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).lastError().contains("cannot decode"), dead.get(0).lastError());
    assertEquals(1, remote.seen().size());
  }

  /** The store calls of each transaction the delivery lanes run, in the order they ran. */
  private static final class LaneTransactions implements Transactor {
    private final Transactor tx;
    private final List<List<String>> transactions = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<String>> open = new ThreadLocal<>();

    LaneTransactions(Transactor tx) {
      this.tx = tx;
    }

    List<List<String>> sofar() {
      return List.copyOf(transactions);
    }

    /** {@code store}, each call noted in the transaction it runs in. */
    ForwardStore watching(ForwardStore store) {
      return (ForwardStore) Proxy.newProxyInstance(ForwardStore.class.getClassLoader(),
          new Class<?>[] {ForwardStore.class}, (proxy, method, args) -> {
            List<String> calls = open.get();
            if (calls != null) {
              calls.add(method.getName());
            }
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      return noted(() -> tx.inTransaction(work));
    }

    @Override
    public <T> T read(Supplier<T> work) {
      return noted(() -> tx.read(work));
    }

    private <T> T noted(Supplier<T> work) {
      if (open.get() != null || !Thread.currentThread().getName().startsWith("spoor-forward-lane")) {
        return work.get();
      }
      List<String> calls = new ArrayList<>();
      open.set(calls);
      try {
        return work.get();
      } finally {
        open.remove();
        transactions.add(List.copyOf(calls));
      }
    }
  }
}
