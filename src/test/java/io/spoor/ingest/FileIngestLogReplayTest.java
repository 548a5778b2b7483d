package io.spoor.ingest;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Durability and replay: an append is answered only once its hit is in a segment
 * file, and what was written but not applied is replayed on the next start, once.
 */
@Timeout(60)
class FileIngestLogReplayTest extends FileIngestLogFixture {
  private static final IngestLimits LIMITS = new IngestLimits(10, 10, 100, Duration.ZERO);
  private static final IngestLimits WIDER_LIMITS = new IngestLimits(100, 100, 1000, Duration.ZERO);

  @Test
  void appendCompletesOnlyOnceTheHitIsInASegmentFileAndTheSinkThenReceivesIt() throws Exception {
    FileIngestLog log = log(LIMITS);
    Sink sink = new Sink();
    CompletableFuture<Void> done = log.append(hit("h1"));
    CompletableFuture<List<String>> inFilesWhenAcknowledged = done.thenApply(v -> idsInSegmentFiles());
    assertFalse(done.isDone(), "acknowledged before anything was written");

    log.start(sink);
    try {
      assertEquals(List.of("h1"), await(inFilesWhenAcknowledged));
      await(log.awaitApplied());
      assertEquals(List.of(List.of("h1")), sink.applied);
    } finally {
      log.close();
    }
  }

  @Test
  void acknowledgedHitIsReplayedByANewLogOnTheSameDirectoryWhileTheSinkStillHoldsIt() throws Exception {
    FileIngestLog first = log();
    Sink holding = Sink.gated();
    first.start(holding);
    try {
      CompletableFuture<Void> done = first.append(hit("h1"));
      assertTrue(holding.entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      assertNull(await(done));
      assertEquals(List.of(), holding.applied);

      FileIngestLog second = log();
      Sink recording = new Sink();
      second.start(recording);
      second.close();

      assertEquals(List.of(List.of("h1")), recording.applied);
    } finally {
      holding.release();
      first.close();
    }
  }

  @Test
  void restartResumesAfterThePositionTheSinkCommittedWhenTheAppliedMarkWasLost() throws Exception {
    FileIngestLog first = log();
    Sink sink = new Sink();
    startAndApply(first, sink, "a", "b");
    closeWithin(first);
    Files.delete(dir.resolve("applied"));
    assertEquals(List.of("a", "b"), idsInSegmentFiles(), "the records are still there to be replayed");

    FileIngestLog second = log();
    Sink recording = new Sink();
    recording.through = sink.through;
    second.start(recording);
    try {
      assertEquals(List.of(), recording.calls, "hits the sink had committed were replayed");
      await(second.append(hit("c")));
      await(second.awaitApplied());
      assertEquals(List.of(new LogPlace.InOrder(FileIngestLog.LOG_NAME, 3, false)), recording.places);
    } finally {
      second.close();
    }
  }

  @Test
  void tornTailOfTheLastSegmentIsCutOffOnStartAndTheRecordsBeforeItAreReplayed() throws Exception {
    FileIngestLog first = log();
    first.start(Sink.down());
    awaitAll(List.of(first.append(hit("a")), first.append(hit("b"))));
    closeWithin(first);
    List<Path> files = segmentFiles();
    assertEquals(1, files.size());
    // the start of a record whose write a crash cut short
    Files.write(files.get(0), new byte[] {0, 0, 3, (byte) 0xe8, 0, 0, 0, 0, 0, 0, 0, 3, 1, 2},
        StandardOpenOption.APPEND);

    FileIngestLog second = log();
    Sink recording = new Sink();
    second.start(recording);
    assertEquals(List.of("a", "b"), recording.appliedIds());
    recording.refuses = ids -> true;
    assertNull(await(second.append(hit("c"))));
    closeWithin(second);

    FileIngestLog third = log();
    Sink after = new Sink();
    third.start(after);
    third.close();
    assertEquals(List.of("c"), after.appliedIds(), "a hit written after the cut was lost");
    assertEquals(0, third.deadLettered());
    assertEquals(LogDamage.NONE, second.damage(), "a torn tail was reported as damage");
  }

  @Test
  void damageInAnEarlierSegmentLosesOnlyTheDamagedHitAndIsReported() throws Exception {
    FileIngestLog first = log(LIMITS, 1);
    first.start(Sink.down());
    assertNull(await(first.append(hit("a"))));
    assertNull(await(first.append(hit("b"))));
    closeWithin(first);
    List<Path> files = segmentFiles();
    assertTrue(files.size() >= 2, "expected a segment per write: " + files);
    flipByteInTheMiddle(files.get(0));

    FileIngestLog second = log(LIMITS, 1);
    Sink recording = new Sink();
    second.start(recording);
    closeWithin(second);

    assertEquals(List.of("b"), recording.appliedIds());
    assertEquals(1, second.damage().places());
    assertEquals(1, second.damage().hitsLost());
    assertTrue(second.damage().summary().contains(LogSegments.DAMAGED_DIR), second.damage().summary());
  }

  @Test
  void aFlippedByteMidSegmentLosesOnlyTheHitItWasInAndTheLaterHitsAreReplayed() throws Exception {
    FileIngestLog first = log(1000, 100, 1000);
    first.start(Sink.down());
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add("h" + i);
      acknowledged.add(first.append(hit("h" + i)));
    }
    awaitAll(acknowledged);
    closeWithin(first);
    List<Path> files = segmentFiles();
    assertEquals(1, files.size(), files.toString());
    flipByteInTheMiddle(files.get(0));

    FileIngestLog second = log();
    Sink recording = new Sink();
    second.start(recording);
    closeWithin(second);

    List<String> replayed = recording.appliedIds();
    assertEquals(199, replayed.size(), "hits after the damage were lost: " + replayed.size() + " of 200 replayed");
    assertTrue(ids.containsAll(replayed), replayed.toString());
    assertEquals(new LogDamage(1, 1, second.damage().summary()), second.damage());
    try (Stream<Path> kept = Files.list(dir.resolve(LogSegments.DAMAGED_DIR))) {
      assertEquals(1, kept.count(), "the damaged segment was not kept aside");
    }

    FileIngestLog third = log();
    Sink again = new Sink();
    third.start(again);
    third.close();
    assertEquals(List.of(), again.calls, "hits were replayed twice");
    assertEquals(LogDamage.NONE, third.damage(), "the damage was found again");
  }

  @Test
  void aDamagedAppliedMarkIsReportedAndApplyingResumesFromThePositionTheSinkCommitted() throws Exception {
    FileIngestLog first = log();
    Sink sink = new Sink();
    startAndApply(first, sink, "a", "b");
    sink.refuses = ids -> true;
    awaitAll(List.of(first.append(hit("c")), first.append(hit("d"))));
    closeWithin(first);
    Path mark = dir.resolve("applied");
    byte[] content = Files.readAllBytes(mark);
    content[0] ^= 0x5a; // a mark far past every record, were it believed
    Files.write(mark, content);

    FileIngestLog second = log();
    Sink recording = new Sink();
    recording.through = sink.through;
    second.start(recording);
    closeWithin(second);

    assertEquals(List.of("c", "d"), recording.appliedIds(), "unapplied hits were skipped");
    assertTrue(second.damage().found(), "the damaged mark was not reported");
    assertEquals(0, second.damage().hitsLost());
    assertEquals(OptionalLong.of(4), new AppliedMark(mark).read(), "the damaged mark was not replaced");
  }

  @Test
  void theAppliedMarkIsReplacedWholeAndReadBackWithItsChecksum() throws Exception {
    AppliedMark mark = new AppliedMark(dir.resolve("applied"));
    assertEquals(OptionalLong.of(0), mark.read(), "no mark yet");
    mark.write(123_456_789_012L);
    assertEquals(OptionalLong.of(123_456_789_012L), mark.read());
    mark.write(7);
    assertEquals(OptionalLong.of(7), mark.read());
    assertEquals(List.of(dir.resolve("applied")), Files.list(dir).toList(), "a temporary file was left");

    Files.write(dir.resolve("applied"), new byte[] {0, 0, 0, 0, 0, 0, 0, 9});
    assertEquals(OptionalLong.of(9), mark.read(), "a mark written by an older version was not read");
    Files.write(dir.resolve("applied"), new byte[] {0, 0, 7});
    assertEquals(OptionalLong.empty(), mark.read(), "a cut mark was believed");
    Files.write(dir.resolve("applied"), new byte[12]);
    assertEquals(OptionalLong.of(0), mark.read(), "a mark whose data a crash lost is no mark, not damage");
    Files.write(dir.resolve("applied"), new byte[0]);
    assertEquals(OptionalLong.of(0), mark.read(), "a mark whose data a crash lost is no mark, not damage");
  }

  @Test
  void anAppliedSegmentIsDeletedOnceOlderThanTheSegmentAgeWithoutFurtherTraffic() throws Exception {
    SteppedClock clock = new SteppedClock();
    FileIngestLog log = log(WIDER_LIMITS, LARGE_SEGMENT, clock);
    Sink sink = new Sink();
    try {
      startAndApply(log, sink, "a", "b");
      log.expireSegments();
      assertEquals(1, segmentFiles().size(), "the open segment was deleted before its time");

      clock.advance(Duration.ofHours(1));
      log.expireSegments();

      assertEquals(List.of(), segmentFiles(), "the raw hits stayed on disk past the segment age");
      assertNull(await(log.append(hit("c"))));
      await(log.awaitApplied());
      assertEquals(List.of(dir.resolve("00000000000000000003.log")), segmentFiles());
    } finally {
      closeWithin(log);
    }
    assertEquals(List.of("a", "b", "c"), sink.appliedIds());
    FileIngestLog reopened = log();
    Sink again = new Sink();
    reopened.start(again);
    reopened.close();
    assertEquals(List.of(), again.calls);
  }

  @Test
  void aSegmentIsNotDeletedAtItsAgeWhileItHoldsUnappliedHits() throws Exception {
    SteppedClock clock = new SteppedClock();
    FileIngestLog log = log(WIDER_LIMITS, LARGE_SEGMENT, clock);
    Sink down = Sink.down();
    log.start(down);
    try {
      assertNull(await(log.append(hit("a"))));
      assertTrue(down.called.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "the sink was never called");
      clock.advance(Duration.ofHours(2));
      log.expireSegments();

      assertEquals(List.of("a"), idsInSegmentFiles());
    } finally {
      closeWithin(log);
    }
  }

  private static void flipByteInTheMiddle(Path file) throws Exception {
    byte[] content = Files.readAllBytes(file);
    content[content.length / 2] ^= 0x5a;
    Files.write(file, content);
  }

  @Test
  void appliedSegmentsAreDeleted() throws Exception {
    FileIngestLog log = log(WIDER_LIMITS, 300);
    Sink sink = new Sink();
    log.start(sink);
    try {
      for (int i = 0; i < 40; i++) {
        assertNull(await(log.append(hit("h" + i))));
      }
      await(log.awaitApplied());
      assertEquals(40, sink.appliedIds().size());
    } finally {
      closeWithin(log);
    }

    List<Path> files = segmentFiles();
    assertEquals(1, files.size(), "applied segments were kept: " + files);
    assertFalse(files.get(0).getFileName().toString().equals("00000000000000000001.log"),
        "the log never started a second segment");

    FileIngestLog reopened = log(WIDER_LIMITS, 300);
    Sink again = new Sink();
    reopened.start(again);
    reopened.close();
    assertEquals(List.of(), again.calls);
  }

  @Test
  void sequenceNumbersContinueAfterTheAppliedMarkWhenEverySegmentIsGone() throws Exception {
    new AppliedMark(dir.resolve("applied")).write(500);
    FileIngestLog log = log();
    Sink sink = new Sink();
    log.start(sink);
    try {
      assertNull(await(log.append(hit("h"))));
      await(log.awaitApplied());
    } finally {
      closeWithin(log);
    }

    assertEquals(List.of("h"), sink.appliedIds());
    assertEquals(List.of(dir.resolve("00000000000000000501.log")), segmentFiles());
    assertEquals(OptionalLong.of(501), new AppliedMark(dir.resolve("applied")).read());
    FileIngestLog reopened = log();
    Sink again = new Sink();
    reopened.start(again);
    reopened.close();
    assertEquals(List.of(), again.calls);
  }
}
