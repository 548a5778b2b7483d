package io.spoor.ops;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the ingest path and the HTTP server pay per hit for metrics: one labelled counter
 * increment ({@code spoor_hits_total{kind,outcome}}) and one labelled histogram observation
 * ({@code spoor_http_request_seconds{route,status}}), through the same calls the server makes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsBenchmark {
  private static final String[] KINDS = {"page_view", "event_api", "sent_event", "identify"};
  private static final String[] ROUTES = {"/__ptq.gif", "/v1/event", "/crm/v3/objects/contacts", "/metrics"};

  private Counter hits;
  private Histogram latency;
  private int next;

  @Setup
  public void setUp() {
    Metrics metrics = new Metrics();
    hits = metrics.counter("spoor_hits_total", "Hits applied, by hit kind and outcome", "kind", "outcome");
    latency = metrics.histogram("spoor_http_request_seconds", "Time from request to answer, by route",
        Histogram.LATENCY_SECONDS, "route", "status");
  }

  /** {@code spoor_hits_total{kind,outcome}} incremented once, as the applier does per hit. */
  @Benchmark
  public void counterIncrement() {
    next = (next + 1) & (KINDS.length - 1);
    hits.inc(KINDS[next], "applied");
  }

  /** {@code spoor_http_request_seconds{route,status}} observed once, as the server does per request. */
  @Benchmark
  public void histogramObserve() {
    next = (next + 1) & (ROUTES.length - 1);
    latency.observe(0.0003 * (next + 1), ROUTES[next], "200");
  }
}
