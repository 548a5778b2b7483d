package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSegmentsTest {
  /** Small enough that every append of a record or two starts a new segment. */
  private static final long SMALL = 40;
  private static final long LARGE = 1 << 20;

  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<LogSegments.Record> records) {
    return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
  }

  private static List<Long> seqs(List<LogSegments.Record> records) {
    return records.stream().map(LogSegments.Record::seq).toList();
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
    }
  }

  /** The records after {@code applied}, read by a log opened and closed for the purpose. */
  private List<LogSegments.Record> recovered(long segmentBytes, long applied) throws IOException {
    try (LogSegments reader = new LogSegments(dir, segmentBytes)) {
      return reader.recover(applied);
    }
  }

  private LogSegments opened(long segmentBytes, long applied, List<LogSegments.Record> into) {
    LogSegments segments = new LogSegments(dir, segmentBytes);
    into.addAll(segments.recover(applied));
    return segments;
  }

  /** Appends "r1".."rN", one or two per call, and returns the last sequence number of each call. */
  private static List<Long> appendNumbered(LogSegments segments, int from, int to) throws IOException {
    List<Long> lasts = new ArrayList<>();
    for (int i = from; i <= to; i += 2) {
      List<byte[]> payloads = new ArrayList<>();
      payloads.add(bytes("r" + i));
      if (i + 1 <= to) {
        payloads.add(bytes("r" + (i + 1)));
      }
      lasts.add(segments.append(payloads));
    }
    return lasts;
  }

  private static void flipByte(Path file, long at) throws IOException {
    byte[] content = Files.readAllBytes(file);
    content[(int) at] ^= 0x5a;
    Files.write(file, content);
  }

  @Test
  void recordsRoundTripWithIncreasingSequenceNumbersAcrossSegmentRolls() throws Exception {
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      assertEquals(List.of(2L, 4L, 6L, 8L, 10L), appendNumbered(segments, 1, 10));
    }
    assertTrue(segmentFiles().size() > 1, "expected several segments: " + segmentFiles());

    List<LogSegments.Record> records = recovered(SMALL, 0);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), seqs(records));
    assertEquals(List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"), texts(records));
  }

  @Test
  void segmentsAreNamedAfterTheirFirstRecord() throws Exception {
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 6);
    }

    assertTrue(segmentFiles().size() > 1, segmentFiles().toString());
    for (Path file : segmentFiles()) {
      long named = Long.parseLong(file.getFileName().toString().substring(0, 20));
      // a record starts with its payload length, then its sequence number
      long firstSeq = ByteBuffer.wrap(Files.readAllBytes(file)).getLong(4);

      assertEquals(named, firstSeq, file.toString());
    }
  }

  @Test
  void recoverReturnsOnlyRecordsAfterTheAppliedMark() throws Exception {
    try (LogSegments segments = opened(SMALL, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 10);
    }

    List<LogSegments.Record> records = recovered(SMALL, 7);
    assertEquals(List.of(8L, 9L, 10L), seqs(records));
    assertEquals(List.of("r8", "r9", "r10"), texts(records));
  }

  @Test
  void sequenceNumbersContinueAfterAReopen() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      appendNumbered(segments, 1, 3);
    }

    try (LogSegments reopened = opened(LARGE, 3, new ArrayList<>())) {
      assertEquals(4, reopened.append(List.of(bytes("r4"))));
    }
    List<LogSegments.Record> records = recovered(LARGE, 0);
    assertEquals(List.of(1L, 2L, 3L, 4L), seqs(records));
  }

  @Test
  void sequenceNumbersContinueAfterTheAppliedMarkWhenNoSegmentIsLeft() throws Exception {
    try (LogSegments segments = opened(LARGE, 500, new ArrayList<>())) {
      assertEquals(501, segments.append(List.of(bytes("a"))));
      assertEquals(502, segments.append(List.of(bytes("b"))));
    }
    assertEquals(List.of(dir.resolve("00000000000000000501.log")), segmentFiles());
  }

  @Test
  void sequenceNumbersNeverGoBelowTheNameOfTheLastSegment() throws Exception {
    // what is left when a segment was just started and the applied mark was lost in a crash
    Files.createFile(dir.resolve("00000000000000000101.log"));

    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      assertEquals(101, segments.append(List.of(bytes("a"))));
    }
    List<LogSegments.Record> records = recovered(LARGE, 0);
    assertEquals(List.of(101L), seqs(records));
  }

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
      List<LogSegments.Record> reread = again.recover(0);
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

  @Test
  void otherFilesInTheLogDirectoryAreLeftAlone() throws Exception {
    Files.writeString(dir.resolve("dead-letters.log"), "not a segment\n");
    Files.writeString(dir.resolve("applied"), "12345678");

    List<LogSegments.Record> records = new ArrayList<>();
    try (LogSegments segments = opened(SMALL, 0, records)) {
      assertEquals(1, segments.append(List.of(bytes("a"))));
      segments.append(List.of(bytes("b")));
      segments.deleteThrough(2);
    }

    assertEquals(List.of(), records);
    assertEquals("not a segment\n", Files.readString(dir.resolve("dead-letters.log")));
    assertEquals("12345678", Files.readString(dir.resolve("applied")));
  }

  @Test
  void appendThatFailsBeforeWritingLeavesTheLogUsableAndItsSequenceNumbersUnused() throws Exception {
    try (LogSegments segments = opened(LARGE, 0, new ArrayList<>())) {
      segments.append(List.of(bytes("r1")));
      CompletableFuture<Throwable> failed = new CompletableFuture<>();
      Thread interrupted = new Thread(() -> {
        Thread.currentThread().interrupt();
        try {
          segments.append(List.of(bytes("lost")));
          failed.complete(null);
        } catch (IOException | RuntimeException e) {
          failed.complete(e);
        }
      });
      interrupted.start();
      assertInstanceOf(IOException.class, failed.get(10, TimeUnit.SECONDS));

      assertEquals(2, segments.append(List.of(bytes("r2"))));
    }
    List<LogSegments.Record> records = recovered(LARGE, 0);
    assertEquals(List.of("r1", "r2"), texts(records));
    assertEquals(List.of(1L, 2L), seqs(records));
  }

  @Test
  void appendingBeforeRecoveryIsRefused() {
    LogSegments segments = new LogSegments(dir, LARGE);

    assertThrows(IllegalStateException.class, () -> segments.append(List.of(bytes("a"))));
  }
}
