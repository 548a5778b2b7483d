package io.spoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A contact's completions read, move and erase alike whether they are settled yet or not. */
@ExtendWith(TempStore.class)
class CompletionsAcrossSettlingTest {
  private static final long PORTAL = 1;
  private static final long ADA = 7;
  private static final long GRACE = 8;

  private Database db;
  private SqlCompletionStore store;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    store = new SqlCompletionStore(db);
    write(() -> db.handle().execute("INSERT INTO event_definition (id, portal_id, name, origin, completions, "
        + "created_at) VALUES (1, 1, 'signup', 'DYNAMIC', 0, 0), (2, 1, 'upgrade', 'DYNAMIC', 0, 0)"));
    // times interleave, so the newest-first order mixes the two halves
    insert(ADA, 1, 100, 300, 500);
    insert(GRACE, 2, 200);
    write(() -> db.handle().execute("UPDATE event_completion SET settled = TRUE WHERE NOT settled"));
    insert(ADA, 2, 400, 200, 600);
  }

  @Test
  void aTimelinePageMergesSettledAndNewCompletionsNewestFirst() {
    List<Long> all = times(page(ADA, 10, 0));
    assertEquals(List.of(600L, 500L, 400L, 300L, 200L, 100L), all);
    assertEquals(List.of(400L, 300L), times(page(ADA, 2, 2)));
    assertEquals(List.of("upgrade", "signup"), page(ADA, 2, 0).stream()
        .map(CompletionStore.CompletedEvent::eventName).toList());
  }

  @Test
  void erasingAContactCountsAndRemovesBothHalves() {
    Map<Long, Long> counts = db.inTransaction(() -> store.deleteForContact(PORTAL, ADA));
    assertEquals(Map.of(1L, 3L, 2L, 3L), counts);
    assertEquals(List.of(), page(ADA, 10, 0));
    assertEquals(List.of(200L), times(page(GRACE, 10, 0)));
  }

  @Test
  void reassigningMovesBothHalves() {
    write(() -> store.reassign(PORTAL, ADA, GRACE));
    assertEquals(List.of(600L, 500L, 400L, 300L, 200L, 200L, 100L), times(page(GRACE, 10, 0)));
    assertEquals(List.of(), page(ADA, 10, 0));
  }

  private List<CompletionStore.CompletedEvent> page(long contact, int limit, int offset) {
    return db.read(() -> store.forContact(PORTAL, contact, limit, offset));
  }

  private void insert(long contact, long definition, long... times) {
    List<Completion> completions = new ArrayList<>();
    for (long at : times) {
      completions.add(new Completion(PORTAL, definition, Optional.of(contact), "hit-" + contact + "-" + at, at,
          OptionalLong.empty(), "test", Map.of()));
    }
    write(() -> store.insert(completions));
  }

  private static List<Long> times(List<CompletionStore.CompletedEvent> events) {
    List<Long> times = events.stream().map(CompletionStore.CompletedEvent::occurredAt).toList();
    assertEquals(times.stream().sorted(Comparator.reverseOrder()).toList(), times, "newest first");
    return times;
  }

  private void write(Runnable work) {
    db.inTransaction(work);
  }
}
