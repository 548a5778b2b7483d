package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Records round-trip through the segment files with sequence numbers that only grow, across
 * rolls and restarts.
 */
class LogSegmentsTest extends LogSegmentsFixture {
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

  @Test
  void recordsAfterTheAppliedOneAreReadBackOneAtATimeAcrossSegments() throws Exception {
    try (LogSegments segments = new LogSegments(dir, SMALL)) {
      segments.recover(0);
      appendNumbered(segments, 1, 9);
    }
    try (LogSegments segments = new LogSegments(dir, SMALL)) {
      assertEquals(new LogSegments.Unapplied(5, 9), segments.recover(4));
      List<LogSegments.Record> read = new ArrayList<>();
      try (SegmentRecords records = segments.records(4)) {
        for (LogSegments.Record r; (r = records.next()) != null; ) {
          read.add(r);
        }
      }
      assertEquals(List.of("r5", "r6", "r7", "r8", "r9"), texts(read));
      assertEquals(List.of(5L, 6L, 7L, 8L, 9L), seqs(read));
    }
  }

  @Test
  void aSegmentChangedAfterRecoveryFailsTheReadBackInsteadOfGivingAnotherRecord() throws Exception {
    try (LogSegments segments = new LogSegments(dir, LARGE)) {
      segments.recover(0);
      appendNumbered(segments, 1, 4);
    }
    try (LogSegments segments = new LogSegments(dir, LARGE)) {
      assertEquals(new LogSegments.Unapplied(4, 4), segments.recover(0));
      flipByte(segmentFiles().get(0), LogSegments.HEADER + 1);
      try (SegmentRecords records = segments.records(0)) {
        assertThrows(java.io.UncheckedIOException.class, records::next);
      }
    }
  }
}
