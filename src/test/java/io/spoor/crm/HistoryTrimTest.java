package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each property keeps its newest history entries; trimming takes the rest, settled or not. */
@ExtendWith(TempStore.class)
class HistoryTrimTest {
  private static final long ADA = 7;
  private static final long BOB = 8;

  private Database db;
  private SqlContactStore contacts;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    contacts = new SqlContactStore(db, 2);
    write(() -> contacts.create(List.of(new NewObject(ADA, 1, Optional.of("ada@example.com"), 100),
        new NewObject(BOB, 1, Optional.of("bob@example.com"), 100))));
    change(ADA, "firstname", "Ada", 100);
    change(ADA, "firstname", "Augusta", 200);
    write(() -> db.handle().execute("UPDATE property_history SET settled = TRUE WHERE NOT settled"));
    change(ADA, "firstname", "Ada A.", 300);
    change(ADA, "firstname", "Lady Ada", 400);
    change(ADA, "lastname", "Lovelace", 150);
    change(BOB, "firstname", "Bob", 110);
    change(BOB, "firstname", "Robert", 120);
    change(BOB, "firstname", "Rob", 130);
  }

  @Test
  void readsShowOnlyTheNewestEntriesOfEachPropertyBeforeTheyAreTrimmed() {
    assertEquals(List.of("firstname=Lady Ada", "firstname=Ada A.", "lastname=Lovelace"), history(ADA));
    assertEquals(8, rows());
  }

  @Test
  void trimmingKeepsTheNewestEntriesOfEachPropertyAcrossBothHalves() {
    write(contacts::trimHistory);
    assertEquals(List.of("firstname=Lady Ada", "firstname=Ada A.", "lastname=Lovelace"), history(ADA));
    assertEquals(List.of("firstname=Rob", "firstname=Robert"), history(BOB));
    assertEquals(5, rows(), "two of Ada's first names, her last name, two of Bob's first names");
  }

  private List<String> history(long id) {
    return db.read(() -> contacts.history(id, List.of("firstname", "lastname"))).stream()
        .map(e -> e.name() + "=" + e.value()).toList();
  }

  private long rows() {
    return db.read(() -> db.handle().createQuery("SELECT COUNT(*) FROM property_history").mapTo(Long.class).one());
  }

  private void change(long id, String name, String value, long at) {
    write(() -> contacts.apply(Map.of(id, List.of(new PropertyChange(name, Optional.of(value), at,
        ChangeSource.API)))));
  }

  private void write(Runnable work) {
    db.inTransaction(work);
  }
}
