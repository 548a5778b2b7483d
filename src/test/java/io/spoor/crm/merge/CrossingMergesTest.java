package io.spoor.crm.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.NotFoundException;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.crm.SqlAssociationStore;
import io.spoor.crm.SqlContactStore;
import io.spoor.events.SqlCompletionStore;
import io.spoor.identity.SqlExternalIdStore;
import io.spoor.identity.SqlVisitorStore;
import io.spoor.store.Database;
import io.spoor.testkit.TwoPools;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two processes on one PostgreSQL database merge the same two contacts crosswise at the same
 * moment (a into b, and b into a), round after round: one merge wins, the other finds its
 * contact gone (404), and exactly one of the two survives with both emails.
 */
class CrossingMergesTest {
  private static final int ROUNDS = 30;
  private static final long PORTAL = 1;

  /** A new pair for each test: JUnit makes a new instance of the class for each. */
  private final TwoPools pools = new TwoPools();

  @AfterEach
  void close() {
    pools.close();
  }

  private static ContactMerge mergeOn(Database db) {
    return new ContactMerge(db, new SqlContactStore(db), new SqlAssociationStore(db), new SqlContactMergeStore(db),
        new SqlCompletionStore(db), new SqlVisitorStore(db), new SqlExternalIdStore(db), Clock.systemUTC());
  }

  private long contact(String email) {
    SqlContactStore contacts = new SqlContactStore(pools.first());
    return pools.first().inTransaction(() -> {
      long id = contacts.reserveIds(1);
      contacts.create(List.of(new NewObject(id, PORTAL, Optional.of(email), 100)));
      return id;
    });
  }

  @Test
  void twoProcessesMergingTheSamePairCrosswiseLeaveOneSurvivorWithBothEmails() throws Exception {
    ContactMerge one = mergeOn(pools.first());
    ContactMerge two = mergeOn(pools.second());
    SqlContactStore contacts = new SqlContactStore(pools.first());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String a = "a" + round + "@example.com";
        String b = "b" + round + "@example.com";
        long ada = contact(a);
        long bob = contact(b);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> merged = new ArrayList<>();
        merged.add(threads.submit(() -> merges(together, one, ada, bob)));
        merged.add(threads.submit(() -> merges(together, two, bob, ada)));
        int won = 0;
        for (Future<Boolean> f : merged) {
          won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertEquals(1, won, "merges that went through in round " + round);
        List<Long> live = List.copyOf(pools.first().read(() -> contacts.findAll(PORTAL, List.of(ada, bob))).keySet());
        assertEquals(1, live.size(), "survivors of round " + round);
        assertEquals(Map.of(a, live.get(0), b, live.get(0)), pools.first().read(() -> contacts.idsByEmail(PORTAL, List.of(a, b))));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Whether merging {@code other} into {@code primary} went through; false when one was gone. */
  private static boolean merges(CyclicBarrier together, ContactMerge merge, long primary, long other) throws Exception {
    together.await(30, TimeUnit.SECONDS);
    try {
      merge.merge(PORTAL, Long.toString(primary), Long.toString(other));
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
