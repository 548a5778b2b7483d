package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.crm.SqlAssociationStore;
import io.spoor.crm.gdpr.GdprDelete;
import io.spoor.crm.gdpr.SqlGdprDeleteStore;
import io.spoor.crm.merge.ContactMerge;
import io.spoor.crm.merge.SqlContactMergeStore;
import io.spoor.identity.SqlExternalIdStore;
import io.spoor.ingest.SqlRejectionStore;
import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Segment ids remembered with a contact are erased by its GDPR delete and moved by a merge. */
@ExtendWith(TempStore.class)
class SegmentIdsGoWithTheirContactTest {
  private SegmentFixture segment;

  @BeforeEach
  void open(Database db) {
    segment = new SegmentFixture(db);
    segment.apply("{\"type\":\"identify\",\"userId\":\"u1\",\"anonymousId\":\"anon-1\","
        + "\"traits\":{\"email\":\"a@example.com\"}}");
  }

  private Optional<Long> contactFor(String id) {
    return segment.db.read(() -> segment.ids.contactFor(SegmentFixture.HUB, id));
  }

  @Test
  void aGdprDeleteErasesTheContactsSegmentIds(Database db) {
    new GdprDelete(db, segment.contacts, new SqlAssociationStore(db), new SqlGdprDeleteStore(db), segment.completions, segment.definitions,
        segment.visitors, new SqlExternalIdStore(db), new SqlRejectionStore(db), db)
        .delete(SegmentFixture.HUB, "a@example.com", Optional.of("email"));
    assertTrue(contactFor("u1").isEmpty());
    assertTrue(contactFor("anon-1").isEmpty());
  }

  @Test
  void aMergeMovesTheSegmentIdsToThePrimary(Database db) {
    segment.apply("{\"type\":\"identify\",\"userId\":\"u2\",\"traits\":{\"email\":\"b@example.com\"}}");
    long primary = segment.contact("b@example.com").id();
    long merged = segment.contact("a@example.com").id();
    new ContactMerge(db, segment.contacts, new SqlAssociationStore(db), new SqlContactMergeStore(db), segment.completions, segment.visitors,
        new SqlExternalIdStore(db), Clock.systemUTC()).merge(SegmentFixture.HUB, Long.toString(primary),
        Long.toString(merged));
    assertEquals(Optional.of(primary), contactFor("u1"));
    segment.apply("{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Clicked\"}");
    assertEquals(1, segment.events("b@example.com").size());
  }
}
