package io.spoor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that found its ingest log damaged on start says so in /readyz and /metrics. */
class DamagedLogReportTest {
  @TempDir
  Path data;

  @Test
  void damageFoundInTheLogOnStartIsShownByReadyzAndCountedInTheMetrics() throws Exception {
    try (RunningSpoor first = RunningSpoor.start(Map.of("data", data.toString()))) {
      assertEquals("intact", first.client().get("/readyz").json().getString("ingestLog"));
      for (int i = 0; i < 20; i++) {
        first.client().event("_a=1&_n=damage&email=d" + i + "@example.com");
      }
      first.awaitApplied();
    }
    List<Path> segments;
    try (Stream<Path> files = Files.list(data.resolve("log"))) {
      segments = files.filter(f -> f.getFileName().toString().endsWith(".log")
          && !f.getFileName().toString().startsWith("dead")).toList();
    }
    assertEquals(1, segments.size(), segments.toString());
    byte[] content = Files.readAllBytes(segments.get(0));
    content[content.length / 2] ^= 0x5a;
    Files.write(segments.get(0), content);

    try (RunningSpoor second = RunningSpoor.start(Map.of("data", data.toString()))) {
      SpoorClient.Answer ready = second.client().get("/readyz");
      String metrics = second.client().get("/metrics").body();

      assertEquals(200, ready.status(), "a recovered log keeps the server serving");
      String ingestLog = ready.json().getString("ingestLog");
      assertTrue(ingestLog.startsWith("damaged: 1 damaged span"), ingestLog);
      assertTrue(ingestLog.contains("damaged" + java.io.File.separator), ingestLog);
      assertTrue(metrics.contains("\nspoor_ingest_log_damaged_spans 1.0\n"), metrics);
      assertTrue(metrics.contains("\nspoor_ingest_log_lost_hits 0.0\n"), "the hits were all applied: " + metrics);
    }
  }
}
