package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Damage found on start: a torn tail is cut off, damage elsewhere loses only the records it hit
 * and is reported.
 */
class LogSegmentsDamageTest extends LogSegmentsFixture {
  @Test
  void tornRecordAtTheEndOfTheLastSegmentIsCutOffAndTheLogContinuesAfterIt() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 3);
    }
    Path file = segmentFiles().get(0);
    long intact = Files.size(file);
    // a header announcing 1000 bytes of payload, of which only a few made it to disk
    ByteBuffer torn = ByteBuffer.allocate(16 + 5).putInt(1000).putLong(4).putInt(0).put(bytes("r4..."));
    Files.write(file, torn.array(), StandardOpenOption.APPEND);

    List<LogSegments.Record> records = new ArrayList<>();
    try (LogSegments reopened = opened(LARGE, 0, records)) {
      assertEquals(List.of("r1", "r2", "r3"), texts(records));
      assertEquals(intact, Files.size(file));
      assertEquals(4, reopened.append(List.of(bytes("r4"))));
      assertEquals(List.of(), reopened.damage(), "a torn tail was reported as damage");
    }
    List<LogSegments.Record> again = recovered(LARGE, 0);
    assertEquals(List.of("r1", "r2", "r3", "r4"), texts(again));
    assertFalse(Files.exists(dir.resolve(LogSegments.DAMAGED_DIR)), "a torn tail was kept as damage");
  }

  @Test
  void lastRecordWithABadChecksumIsCutOff() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 3);
    }
    Path file = segmentFiles().get(0);
    flipByte(file, Files.size(file) - 1);

    List<LogSegments.Record> records = new ArrayList<>();
    try (LogSegments reopened = opened(LARGE, 0, records)) {
      assertEquals(List.of("r1", "r2"), texts(records));
      assertEquals(3, reopened.append(List.of(bytes("again"))));
    }
  }

  @Test
  void damageInAnEarlierSegmentLosesOnlyTheDamagedRecordAndTheStartGoesOn() throws Exception {
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 10);
    }
    Path first = segmentFiles().get(0);
    flipByte(first, Files.size(first) - 1); // in the payload of the segment's last record, r4
    byte[] damaged = Files.readAllBytes(first);

    List<LogSegments.Record> records = new ArrayList<>();
    List<LogSegments.Damage> damage;
    try (LogSegments reopened = opened(SMALL, 0, records)) {
      damage = reopened.damage();
    }

    assertEquals(List.of("r1", "r2", "r3", "r5", "r6", "r7", "r8", "r9", "r10"), texts(records));
    assertEquals(1, damage.size(), damage.toString());
    assertEquals(first, damage.get(0).segment());
    assertEquals(List.of(4L, 4L, 1L, 1L), List.of(damage.get(0).firstLost(), damage.get(0).lastLost(),
        damage.get(0).recordsLost(), damage.get(0).unappliedLost()));
    assertArrayEquals(damaged, Files.readAllBytes(damage.get(0).keptAs()), "the damaged file was not kept as it was");
  }

  @Test
  void aBadLastRecordAlreadyAppliedIsDamageRatherThanATornTail() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 3);
    }
    Path file = segmentFiles().get(0);
    flipByte(file, Files.size(file) - 1);

    List<LogSegments.Damage> damage;
    try (LogSegments reopened = opened(LARGE, 3, new ArrayList<>())) {
      damage = reopened.damage();
      assertEquals(4, reopened.append(List.of(bytes("r4"))));
    }

    assertEquals(1, damage.size(), "an applied record was taken for a torn write");
    assertEquals(List.of(3L, 3L, 0L), List.of(damage.get(0).firstLost(), damage.get(0).lastLost(),
        damage.get(0).unappliedLost()));
    assertEquals(List.of("r1", "r2", "r4"), texts(recovered(LARGE, 0)));
  }

  @Test
  void garbageAfterTheRecordsOfAnEarlierSegmentIsReportedWithNoRecordLost() throws Exception {
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 10);
    }
    Files.write(segmentFiles().get(0), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

    List<LogSegments.Record> records = new ArrayList<>();
    List<LogSegments.Damage> damage;
    try (LogSegments reopened = opened(SMALL, 0, records)) {
      damage = reopened.damage();
    }

    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), seqs(records));
    assertEquals(1, damage.size(), damage.toString());
    assertEquals(List.of(0L, 3L), List.of(damage.get(0).recordsLost(), damage.get(0).bytes()));
  }

  @Test
  void aFlippedByteMidSegmentLosesOnlyItsRecordAndTheRecordsAfterItAreRecovered() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 20);
    }
    Path file = segmentFiles().get(0);
    // records "r1".."r9" take 18 bytes each: byte 4 * 18 + 17 is the payload of r5
    flipByte(file, 4 * 18 + 17);

    List<LogSegments.Record> records = new ArrayList<>();
    List<LogSegments.Damage> damage;
    try (LogSegments reopened = opened(LARGE, 0, records)) {
      damage = reopened.damage();
      assertEquals(21, reopened.append(List.of(bytes("r21"))));
    }

    List<Long> expected = new ArrayList<>(List.of(1L, 2L, 3L, 4L));
    for (long seq = 6; seq <= 20; seq++) {
      expected.add(seq);
    }
    assertEquals(expected, seqs(records));
    assertEquals(1, damage.size(), damage.toString());
    assertEquals(5, damage.get(0).firstLost());
    assertEquals(1, damage.get(0).recordsLost());
    try (LogSegments again = new LogSegments(dir, LARGE)) {
      List<LogSegments.Record> reread = recoverAll(again, 0);
      assertEquals(List.of(), again.damage(), "the damaged segment was not rewritten");
      expected.add(21L);
      assertEquals(expected, seqs(reread));
    }
  }

  @Test
  void aFlippedLengthMidSegmentIsDamageRatherThanATornTail() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 9);
    }
    Path file = segmentFiles().get(0);
    flipByte(file, 3 * 18); // the high byte of r4's length: far past the end of the file

    List<LogSegments.Record> records = recovered(LARGE, 0);

    assertEquals(List.of("r1", "r2", "r3", "r5", "r6", "r7", "r8", "r9"), texts(records));
  }

  @Test
  void severalDamagedRecordsInARowAreOneSpanAndTheRecordsAfterThemAreRecovered() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 9);
    }
    Path file = segmentFiles().get(0);
    flipByte(file, 2 * 18 + 5); // r3's sequence number
    flipByte(file, 3 * 18 + 10); // r4's checksum
    flipByte(file, 4 * 18 + 16); // r5's payload

    List<LogSegments.Record> records = new ArrayList<>();
    try (LogSegments reopened = opened(LARGE, 0, records)) {
      assertEquals(List.of("r1", "r2", "r6", "r7", "r8", "r9"), texts(records));
      assertEquals(1, reopened.damage().size(), reopened.damage().toString());
      assertEquals(3, reopened.damage().get(0).recordsLost());
    }
  }
}
