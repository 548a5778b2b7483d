package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.identity.Visitor;
import io.spoor.testkit.TwoPools;
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
 * Two processors (two connection pools, each with its own batch applier, as two processes have)
 * apply batches about the same person at the same moment, round after round, on one PostgreSQL
 * database: each email, Segment userId, company domain, visitor token and event name still ends
 * up as one row, and nothing either applied is lost.
 */
class OneIdentityAcrossProcessorsTest {
  private static final int ROUNDS = 25;

  /** A new pair for each test: JUnit makes a new instance of the class for each. */
  private final TwoPools pools = new TwoPools();

  @AfterEach
  void close() {
    pools.close();
  }

  private static String utk(int round) {
    return String.format("%032x", round);
  }

  /** What one processor gets about round {@code r}'s person: identify, group, a page view, an event. */
  private static String[] batch(int round, int processor) {
    String user = "\"userId\":\"u-" + round + "\"";
    String anonymous = "\"anonymousId\":\"anon-" + round + "-" + processor + "\"";
    return new String[] {
        "{\"type\":\"identify\"," + user + "," + anonymous + ",\"traits\":{\"email\":\"p" + round + "@example.com\"}}",
        "{\"type\":\"group\"," + user + ",\"groupId\":\"g-" + round + "\",\"traits\":{\"website\":\"https://co"
            + round + ".example\"}}",
        "{\"type\":\"page\"," + anonymous + ",\"context\":{\"hubspotutk\":\"" + utk(round) + "\"},"
            + "\"properties\":{\"url\":\"https://shop.example/" + processor + "\"}}",
        "{\"type\":\"track\"," + user + ",\"event\":\"round " + round + "\"}"};
  }

  @Test
  void twoProcessorsApplyingHitsAboutTheSamePersonAtOnceMakeOneContactCompanyVisitorAndEvent() throws Exception {
    SegmentFixture one = new SegmentFixture(pools.first());
    SegmentFixture two = new SegmentFixture(pools.second());
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SegmentFixture processor : List.of(one, two)) {
        int number = processor == one ? 1 : 2;
        done.add(threads.submit(() -> {
          for (int round = 0; round < ROUNDS; round++) {
            together.await(30, TimeUnit.SECONDS);
            processor.apply(batch(round, number));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(List.of((long) ROUNDS, (long) ROUNDS), liveObjects(), "live contacts, live companies");
    assertEquals((long) ROUNDS, count("SELECT COUNT(*) FROM event_definition WHERE deleted_at IS NULL"));
    for (int r = 0; r < ROUNDS; r++) {
      int round = r;
      String email = "p" + round + "@example.com";
      long contact = one.contact(email).id();
      assertEquals(2, one.events(email).size(), "completions of " + email);
      assertEquals(Optional.of(contact), one.db.read(() -> one.ids.contactFor(SegmentFixture.HUB, "u-" + round)));
      long company = one.findCompany("co" + round + ".example").orElseThrow().id();
      assertEquals(List.of(company), one.companiesOf(contact));
      Map<String, Visitor> visitor = one.db.read(() -> one.visitors.find(SegmentFixture.HUB, List.of(utk(round))));
      assertEquals(2, visitor.get(utk(round)).numPageViews(), "page views of round " + round + "'s visitor");
    }
    assertEquals(List.of(), one.rejections());
  }

  private List<Long> liveObjects() {
    return List.of(count("SELECT COUNT(*) FROM crm_object WHERE object_type = 'CONTACT' AND NOT archived"),
        count("SELECT COUNT(*) FROM crm_object WHERE object_type = 'COMPANY' AND NOT archived"));
  }

  private long count(String sql) {
    return pools.first().read(() -> pools.first().handle().createQuery(sql).mapTo(Long.class).one());
  }
}
