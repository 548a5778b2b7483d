package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectStore.NewObject;
import io.spoor.crm.gdpr.SqlGdprDeleteStore;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A property's history reads and erases alike whether its entries are settled yet or not. */
@ExtendWith(TempStore.class)
class HistoryAcrossSettlingTest {
  private static final long ADA = 7;

  private Database db;
  private SqlContactStore contacts;

  @BeforeEach
  void open(Database db) {
    this.db = db;
    contacts = new SqlContactStore(db);
    write(() -> contacts.create(List.of(new NewObject(ADA, 1, Optional.of("ada@example.com"), 100))));
    change("firstname", "Ada", 100);
    change("lastname", "Lovelace", 300);
    write(() -> db.handle().execute("UPDATE property_history SET settled = TRUE WHERE NOT settled"));
    change("firstname", "Augusta", 200);
    change("firstname", "Ada A.", 400);
  }

  @Test
  void historyListsSettledAndNewEntriesNewestFirst() {
    List<HistoryEntry> history = db.read(() -> contacts.history(ADA, List.of("firstname", "lastname")));
    assertEquals(List.of("firstname=Ada A.@400", "lastname=Lovelace@300", "firstname=Augusta@200",
        "firstname=Ada@100"), history.stream().map(e -> e.name() + "=" + e.value() + "@" + e.at()).toList());
  }

  @Test
  void erasingAContactRemovesBothHalvesOfItsHistory() {
    write(() -> new SqlGdprDeleteStore(db).erase(1, ADA));
    assertEquals(List.of(), db.read(() -> contacts.history(ADA, List.of("firstname", "lastname"))));
    assertEquals(0L, db.read(() -> db.handle().createQuery("SELECT COUNT(*) FROM property_history")
        .mapTo(Long.class).one()));
  }

  private void change(String name, String value, long at) {
    write(() -> contacts.apply(Map.of(ADA, List.of(new PropertyChange(name, Optional.of(value), at,
        ChangeSource.API)))));
  }

  private void write(Runnable work) {
    db.inTransaction(work);
  }
}
