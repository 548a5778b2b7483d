package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting applied segments, and the age after which a segment is no longer appended to. */
class LogSegmentsExpiryTest extends LogSegmentsFixture {
  @Test
  void deleteThroughKeepsTheOpenSegment() throws Exception {
    List<Long> lasts;
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      lasts = appendNumbered(segments, 1, 10);
      assertTrue(segmentFiles().size() > 2, segmentFiles().toString());

      segments.deleteThrough(10);

      assertEquals(1, segmentFiles().size(), segmentFiles().toString());
      assertEquals(11, segments.append(List.of(bytes("r11"))));
    }
    assertEquals(10, lasts.get(lasts.size() - 1));
    List<LogSegments.Record> records = recovered(SMALL, 10);
    assertEquals(List.of(11L), seqs(records));
  }

  @Test
  void deleteThroughKeepsEverySegmentHoldingARecordAfterTheMark() throws Exception {
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 10);
      int before = segmentFiles().size();

      segments.deleteThrough(5);

      assertTrue(segmentFiles().size() < before, "nothing was deleted");
    }
    List<LogSegments.Record> records = recovered(SMALL, 0);
    assertTrue(seqs(records).containsAll(List.of(6L, 7L, 8L, 9L, 10L)), seqs(records).toString());
    assertTrue(records.get(0).seq() > 1, "no segment was deleted: " + seqs(records));
  }

  @Test
  void theOpenSegmentIsNotWrittenToPastItsMaxAge() throws Exception {
    SteppedClock clock = new SteppedClock();
    try (LogSegments segments = new LogSegments(dir, LARGE, Duration.ofHours(1), clock)) {
      segments.recover(0);
      segments.append(List.of(bytes("r1")));
      clock.advance(Duration.ofMinutes(59));
      segments.append(List.of(bytes("r2")));
      assertEquals(1, segmentFiles().size(), segmentFiles().toString());
      clock.advance(Duration.ofMinutes(1));

      assertEquals(3, segments.append(List.of(bytes("r3"))));
    }

    assertEquals(List.of(dir.resolve("00000000000000000001.log"), dir.resolve("00000000000000000003.log")),
        segmentFiles());
  }

  @Test
  void anAppliedSegmentPastItsMaxAgeIsDeletedEvenWhenItIsTheLastOne() throws Exception {
    SteppedClock clock = new SteppedClock();
    try (LogSegments segments = new LogSegments(dir, LARGE, Duration.ofHours(1), clock)) {
      segments.recover(0);
      segments.append(List.of(bytes("r1"), bytes("r2")));
      segments.deleteThrough(2);
      assertEquals(1, segmentFiles().size(), "deleted while still young");
      clock.advance(Duration.ofHours(1));
      segments.deleteThrough(1);
      assertEquals(1, segmentFiles().size(), "deleted with a record not applied");

      segments.deleteThrough(2);

      assertEquals(List.of(), segmentFiles());
      assertEquals(3, segments.append(List.of(bytes("r3"))));
    }
    assertEquals(List.of(dir.resolve("00000000000000000003.log")), segmentFiles());
    assertEquals(List.of(3L), seqs(recovered(LARGE, 2)));
  }

  @Test
  void aSegmentFoundOnStartIsNotAppendedToAndIsDeletedOnceApplied() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 3);
    }

    try (LogSegments reopened = opened(LARGE, 3, new ArrayList<>())) {
      reopened.deleteThrough(3);
      assertEquals(List.of(), segmentFiles(), "an applied segment was kept after a restart");
      assertEquals(4, reopened.append(List.of(bytes("r4"))));
    }
    assertEquals(List.of(dir.resolve("00000000000000000004.log")), segmentFiles());
  }
}
