package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.crm.property.SqlPropertyDefinitionStore;
import io.spoor.store.Database;
import io.spoor.testkit.StatementTexts;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ContactStore} contract against SQLite. */
@ExtendWith(TempStore.class)
class SqlContactStoreTest extends ContactStoreContract {
  private static final int[] BATCH_SIZES = {1, 3, 64, 65, 101, 250};
  private Database db;
  private SqlContactStore store;

  @BeforeEach
  void make(Database db) {
    this.db = db;
    this.store = new SqlContactStore(db);
    use(db, store);
    alongside(new SqlCompanyStore(db), new SqlPropertyDefinitionStore(db, Clock.systemUTC()));
  }

  @Test
  void aBatchsLookupsByEmailAndReadsOfNamedValuesTakeOneStatementTextEachWhateverTheirSize() {
    Set<String> lookups = StatementTexts.ofBatches(db, emails -> store.idsByEmail(1, emails), BATCH_SIZES);
    Set<String> reads = StatementTexts.of(db, () -> {
      for (int size : BATCH_SIZES) {
        store.values(LongStream.range(0, size).boxed().toList(),
            IntStream.range(0, 1 + size % 20).mapToObj(i -> "p" + i).toList());
      }
    });

    assertEquals(1, lookups.size());
    assertEquals(1, reads.size());
  }
}
