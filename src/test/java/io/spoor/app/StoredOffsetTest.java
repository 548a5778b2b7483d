package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.ingest.AppliedHits;
import io.spoor.ingest.BatchSink;
import io.spoor.ingest.LogPlace;
import io.spoor.testkit.RunningSpoor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink the composition root hands the ingest log, wrappers and all, tells the offsets its
 * store keeps: a Kafka processor seeks each partition it is given to that offset, so one that
 * always heard "none stored" started a partition over from its beginning and was fenced forever.
 */
class StoredOffsetTest {
  @TempDir
  Path dir;

  @Test
  void theSinkTheIngestLogIsGivenTellsTheOffsetStoredWithABatchOfAPartition() {
    AtomicReference<BatchSink> given = new AtomicReference<>();
    Map<String, String> flags = Map.of("port", "0", "host", "127.0.0.1", "data", dir.toString(),
        "bootstrap-token", RunningSpoor.TOKEN);
    try (Spoor spoor = Spoor.start(Settings.load(flags, Map.of()), Clock.systemUTC(), sink -> {
      given.set(sink);
      return sink;
    })) {
      BatchSink sink = given.get();
      assertEquals(AppliedHits.NO_OFFSET, sink.nextOffset("hits", 3));

      sink.apply(List.of(), new LogPlace.Consumed("hits", 3, AppliedHits.NO_OFFSET, 40));
      sink.apply(List.of(), new LogPlace.Consumed("hits", 3, 40, 57));

      assertEquals(57, sink.nextOffset("hits", 3));
      assertEquals(AppliedHits.NO_OFFSET, sink.nextOffset("hits", 2));
    }
  }
}
