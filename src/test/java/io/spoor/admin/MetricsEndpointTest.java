package io.spoor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /metrics} keeps every name and help text it had, and adds the JVM's and the process's metrics. */
class MetricsEndpointTest {
  /** Families exposed from the start or after one applied hit, with their help texts. */
  private static final List<String> SPOOR_FAMILIES = List.of(
      "spoor_hits_total counter Hits applied, by hit kind and outcome",
      "spoor_ingest_failed_batches_total counter "
          + "Batches whose transaction failed (their hits are retried, one by one if need be)",
      "spoor_ingest_batch_size histogram Hits per committed batch",
      "spoor_ingest_batch_seconds histogram Time to apply and commit one batch",
      "spoor_ingest_queue_depth gauge Hits acknowledged or waiting, not yet applied",
      "spoor_ingest_queue_bytes gauge Estimated memory of the hits acknowledged or waiting, not yet applied",
      "spoor_ingest_waiting_bytes gauge Estimated memory of the hits waiting for room in the ingest log",
      "spoor_ingest_up gauge 1 while the ingest log works; 0 once a fatal error stopped it",
      "spoor_ingest_dead_letters gauge Acknowledged hits that could not be applied at all",
      "spoor_ingest_log_damaged_spans gauge "
          + "Damaged spans of the ingest log's files (and a damaged applied mark) found on start",
      "spoor_ingest_log_lost_hits gauge "
          + "Acknowledged hits not yet applied lost to damage in the ingest log's files, found on start",
      "spoor_ingest_idempotency_key_reused_total counter "
          + "Hits applied as new although their idempotency key came before with another hit",
      "spoor_bot_hits_total counter Beacons from bots, kept out of the analytics",
      "spoor_tracker_errors_total counter Error reports sent by trackers",
      "spoor_beacons_unattributed_total counter Beacons without a numeric hub id (a): counted, not kept",
      "spoor_auth_failures_total counter Bearer tokens that did not authenticate",
      "spoor_auth_throttled_total counter "
          + "Requests refused with 429 because their address failed to authenticate too often",
      "spoor_http_request_seconds histogram Time from request to answer, by route");

  @Test
  void everySpoorMetricKeepsItsNameTypeAndHelpBesideTheJvmAndProcessMetrics() {
    try (RunningSpoor server = RunningSpoor.start()) {
      SpoorClient client = server.client();
      client.event("_a=1&_n=signup&email=ada@example.com");
      server.awaitApplied();

      SpoorClient.Answer answer = client.get("/metrics");

      assertEquals(200, answer.status());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", answer.header("Content-Type"));
      List<String> lines = answer.body().lines().toList();
      for (String family : SPOOR_FAMILIES) {
        String[] nameTypeHelp = family.split(" ", 3);
        assertTrue(lines.contains("# HELP " + nameTypeHelp[0] + " " + nameTypeHelp[2]), family + " in\n" + answer.body());
        assertTrue(lines.contains("# TYPE " + nameTypeHelp[0] + " " + nameTypeHelp[1]), family + " in\n" + answer.body());
      }
      assertTrue(lines.contains("spoor_ingest_up 1.0"), answer.body());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("spoor_hits_total{kind=")), answer.body());
      for (String family : List.of("jvm_memory_used_bytes gauge", "jvm_threads_current gauge",
          "jvm_gc_collection_seconds summary", "jvm_classes_currently_loaded gauge",
          "process_cpu_seconds_total counter", "process_resident_memory_bytes gauge", "process_open_fds gauge")) {
        assertTrue(lines.contains("# TYPE " + family), family + " in\n" + answer.body());
      }
    }
  }
}
