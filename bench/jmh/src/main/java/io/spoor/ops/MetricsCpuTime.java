package io.spoor.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The same two calls as {@link MetricsBenchmark}, timed by the thread's CPU time instead of the
 * wall clock: on a machine other builds share, time a thread spends descheduled does not count.
 * Prints the best of 12 rounds of 5 million calls each. Run with the server jar on the class path:
 * {@code java -cp bench/jmh/target/benchmarks.jar:target/spoor.jar io.spoor.ops.MetricsCpuTime}.
 */
public final class MetricsCpuTime {
  private static final String[] KINDS = {"page_view", "event_api", "sent_event", "identify"};
  private static final String[] ROUTES = {"/__ptq.gif", "/v1/event", "/crm/v3/objects/contacts", "/metrics"};
  private static final int CALLS = 5_000_000;
  private static final int ROUNDS = 12;

  private MetricsCpuTime() {
  }

  public static void main(String[] args) {
    Metrics metrics = new Metrics();
    Counter hits = metrics.counter("spoor_hits_total", "Hits applied, by hit kind and outcome", "kind", "outcome");
    Histogram latency = metrics.histogram("spoor_http_request_seconds", "Time from request to answer, by route",
        Histogram.LATENCY_SECONDS, "route", "status");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double counter = Double.MAX_VALUE;
    double histogram = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < CALLS; i++) {
        hits.inc(KINDS[i & 3], "applied");
      }
      counter = Math.min(counter, (threads.getCurrentThreadCpuTime() - start) / (double) CALLS);
      start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < CALLS; i++) {
        latency.observe(0.0003 * ((i & 3) + 1), ROUTES[i & 3], "200");
      }
      histogram = Math.min(histogram, (threads.getCurrentThreadCpuTime() - start) / (double) CALLS);
    }
    System.out.printf("counter increment %.1f ns, histogram observation %.1f ns (CPU time, best of %d rounds of %,d)%n",
        counter, histogram, ROUNDS, CALLS);
  }
}
