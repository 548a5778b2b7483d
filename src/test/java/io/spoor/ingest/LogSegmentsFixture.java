package io.spoor.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link LogSegments} tests share: a fresh directory, numbered records, and a look at
 * the segment files.
 */
abstract class LogSegmentsFixture {
  /** Small enough that every append of a record or two starts a new segment. */
  static final long SMALL = 40;

  static final long LARGE = 1 << 20;

  @TempDir
  Path dir;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> texts(List<LogSegments.Record> records) {
    return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
  }

  static List<Long> seqs(List<LogSegments.Record> records) {
    return records.stream().map(LogSegments.Record::seq).toList();
  }

  List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
    }
  }

  /** The records after {@code applied}, read by a log opened and closed for the purpose. */
  List<LogSegments.Record> recovered(long segmentBytes, long applied) throws IOException {
    try (LogSegments reader = new LogSegments(dir, segmentBytes)) {
      return recoverAll(reader, applied);
    }
  }

  LogSegments opened(long segmentBytes, long applied, List<LogSegments.Record> into) {
    LogSegments segments = new LogSegments(dir, segmentBytes);
    into.addAll(recoverAll(segments, applied));
    return segments;
  }

  /** Recovers {@code segments} and reads back every record after {@code applied}. */
  static List<LogSegments.Record> recoverAll(LogSegments segments, long applied) {
    LogSegments.Unapplied found = segments.recover(applied);
    List<LogSegments.Record> records = new ArrayList<>();
    try (SegmentRecords read = segments.records(applied)) {
      for (LogSegments.Record r; (r = read.next()) != null; ) {
        records.add(r);
      }
    }
    if (found.records() != records.size()
        || found.lastSeq() != (records.isEmpty() ? applied : records.get(records.size() - 1).seq())) {
      throw new AssertionError("recovery found " + found + ", reading back gave " + seqs(records));
    }
    return records;
  }

  /** Appends "r1".."rN", one or two per call, and returns the last sequence number of each call. */
  static List<Long> appendNumbered(LogSegments segments, int from, int to) throws IOException {
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

  static void flipByte(Path file, long at) throws IOException {
    byte[] content = Files.readAllBytes(file);
    content[(int) at] ^= 0x5a;
    Files.write(file, content);
  }
}
