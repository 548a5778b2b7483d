package io.spoor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n"));
  }

  @Test
  void counterWithoutLabelsRendersHelpTypeAndValue() {
    Metrics metrics = new Metrics();
    Counter counter = metrics.counter("spoor_things_total", "Things counted");
    counter.inc();
    counter.add(4);

    assertEquals("# HELP spoor_things_total Things counted\n"
        + "# TYPE spoor_things_total counter\n"
        + "spoor_things_total 5.0\n", metrics.render());
  }

  @Test
  void aCounterWithoutLabelsIsExposedAtZeroAndALabelledOneWithItsFirstSeries() {
    Metrics metrics = new Metrics();
    metrics.counter("spoor_idle_total", "Nothing yet", "kind");
    metrics.counter("spoor_quiet_total", "Nothing yet either");

    assertEquals("# HELP spoor_quiet_total Nothing yet either\n# TYPE spoor_quiet_total counter\n"
        + "spoor_quiet_total 0.0\n", metrics.render());
  }

  @Test
  void labelledCounterRendersOneSeriesPerLabelCombination() {
    Metrics metrics = new Metrics();
    Counter hits = metrics.counter("spoor_hits_total", "Hits", "kind", "outcome");
    hits.inc("event_api", "applied");
    hits.inc("event_api", "applied");
    hits.add(3, "event_api", "duplicate");

    List<String> lines = lines(metrics.render());

    assertTrue(lines.contains("spoor_hits_total{kind=\"event_api\",outcome=\"applied\"} 2.0"), lines.toString());
    assertTrue(lines.contains("spoor_hits_total{kind=\"event_api\",outcome=\"duplicate\"} 3.0"), lines.toString());
    assertEquals(4, lines.size(), lines.toString());
  }

  @Test
  void counterValueReadsOneSeriesAndIsZeroWhenNeverIncremented() {
    Counter counter = new Metrics().counter("spoor_rejections_total", "Rejections", "reason");
    counter.inc("BAD_EMAIL");
    counter.inc("BAD_EMAIL");

    assertEquals(2, counter.value("BAD_EMAIL"));
    assertEquals(0, counter.value("UNKNOWN_PORTAL"));
  }

  @Test
  void counterRefusesTheWrongNumberOfLabelValues() {
    Counter counter = new Metrics().counter("spoor_hits_total", "Hits", "kind", "outcome");

    assertThrows(IllegalArgumentException.class, () -> counter.inc("event_api"));
    assertThrows(IllegalArgumentException.class, () -> counter.inc("a", "b", "c"));
  }

  @Test
  void counterRefusesToGoDown() {
    Counter counter = new Metrics().counter("spoor_things_total", "Things");
    counter.add(3);

    assertThrows(IllegalArgumentException.class, () -> counter.add(-1));
    assertEquals(3, counter.value());
  }

  @Test
  void labelValuesEscapeQuotesBackslashesAndNewlines() {
    Metrics metrics = new Metrics();
    Counter counter = metrics.counter("spoor_odd_total", "Odd labels", "v");
    counter.inc("say \"hi\" C:\\temp\nnext");

    assertTrue(metrics.render().contains("spoor_odd_total{v=\"say \\\"hi\\\" C:\\\\temp\\nnext\"} 1.0\n"),
        metrics.render());
  }

  @Test
  void histogramRendersCumulativeBucketsInfinitySumAndCount() {
    Metrics metrics = new Metrics();
    Histogram histogram = metrics.histogram("spoor_batch_size", "Hits per batch", new double[] {1, 5, 10});
    for (double v : new double[] {0.5, 3, 5, 7, 100}) {
      histogram.observe(v);
    }

    assertEquals("# HELP spoor_batch_size Hits per batch\n"
        + "# TYPE spoor_batch_size histogram\n"
        + "spoor_batch_size_bucket{le=\"1.0\"} 1\n"
        + "spoor_batch_size_bucket{le=\"5.0\"} 3\n"
        + "spoor_batch_size_bucket{le=\"10.0\"} 4\n"
        + "spoor_batch_size_bucket{le=\"+Inf\"} 5\n"
        + "spoor_batch_size_count 5\n"
        + "spoor_batch_size_sum 115.5\n", metrics.render());
  }

  @Test
  void histogramPutsTheBucketBoundAfterItsOwnLabels() {
    Metrics metrics = new Metrics();
    Histogram histogram = metrics.histogram("spoor_request_seconds", "Latency", new double[] {0.5}, "route");
    histogram.observe(0.25, "/v1/event");
    histogram.observe(2, "/v1/event");

    List<String> lines = lines(metrics.render());

    assertTrue(lines.contains("spoor_request_seconds_bucket{route=\"/v1/event\",le=\"0.5\"} 1"), lines.toString());
    assertTrue(lines.contains("spoor_request_seconds_bucket{route=\"/v1/event\",le=\"+Inf\"} 2"), lines.toString());
    assertTrue(lines.contains("spoor_request_seconds_sum{route=\"/v1/event\"} 2.25"), lines.toString());
    assertTrue(lines.contains("spoor_request_seconds_count{route=\"/v1/event\"} 2"), lines.toString());
  }

  @Test
  void histogramRefusesTheWrongNumberOfLabelValues() {
    Metrics metrics = new Metrics();
    Histogram histogram = metrics.histogram("spoor_request_seconds", "Latency", new double[] {0.5}, "route");
    histogram.observe(0.1, "/v1/event");

    assertThrows(IllegalArgumentException.class, () -> histogram.observe(0.1));
    // a bad observation must not break the exposition of every metric
    assertTrue(lines(metrics.render()).contains("spoor_request_seconds_count{route=\"/v1/event\"} 1"),
        metrics.render());
  }

  @Test
  void gaugeReadsItsSupplierAtRenderTime() {
    Metrics metrics = new Metrics();
    AtomicLong depth = new AtomicLong(1);
    metrics.gauge("spoor_ingest_queue_depth", "Hits waiting", depth::get);

    assertTrue(lines(metrics.render()).contains("spoor_ingest_queue_depth 1.0"));
    depth.set(42);
    String rendered = metrics.render();

    assertEquals("# HELP spoor_ingest_queue_depth Hits waiting\n"
        + "# TYPE spoor_ingest_queue_depth gauge\n"
        + "spoor_ingest_queue_depth 42.0\n", rendered);
  }

  @Test
  void familiesAreRenderedSortedByName() {
    Metrics metrics = new Metrics();
    metrics.gauge("spoor_b", "B", () -> 0);
    metrics.counter("spoor_a_total", "A");
    metrics.histogram("spoor_c", "C", new double[] {1}).observe(1);

    String rendered = metrics.render();

    int b = rendered.indexOf("# HELP spoor_b ");
    int a = rendered.indexOf("# HELP spoor_a_total ");
    int c = rendered.indexOf("# HELP spoor_c ");
    assertTrue(a >= 0 && a < b && b < c, rendered);
  }

  @Test
  void theJvmAndTheProcessReportTheirOwnMetricsBesideSpoors() {
    Metrics metrics = Metrics.withJvmAndProcess();
    metrics.counter("spoor_hits_total", "Hits");

    List<String> lines = lines(metrics.render());

    for (String family : List.of("jvm_memory_used_bytes gauge", "jvm_threads_current gauge",
        "jvm_gc_collection_seconds summary", "process_cpu_seconds_total counter", "process_open_fds gauge",
        "process_resident_memory_bytes gauge", "spoor_hits_total counter")) {
      assertTrue(lines.contains("# TYPE " + family), family + " in " + lines);
    }
    assertFalse(lines(new Metrics().render()).stream().anyMatch(l -> l.startsWith("jvm_")));
  }

  @Test
  void registeringTheSameNameTwiceThrows() {
    Metrics metrics = new Metrics();
    metrics.counter("spoor_hits_total", "Hits");

    assertThrows(IllegalArgumentException.class, () -> metrics.counter("spoor_hits_total", "Again"));
    assertThrows(IllegalArgumentException.class, () -> metrics.gauge("spoor_hits_total", "Again", () -> 1));
    assertThrows(IllegalArgumentException.class,
        () -> metrics.histogram("spoor_hits_total", "Again", new double[] {1}));
    assertEquals(1, lines(metrics.render()).stream().filter(l -> l.startsWith("# HELP")).count());
  }
}
