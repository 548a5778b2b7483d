package io.spoor.ops;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Spoor's metrics: labelled counters, gauges read on demand and histograms in a Prometheus
 * registry ({@code prometheus-metrics-core}), exposed in Prometheus's text format. Metric
 * families are created once at wiring time; updating them is lock-free. A counter's name ends
 * in {@code _total} (the exposition adds it when it does not).
 */
public final class Metrics {
  /** The content type of {@link #render()}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Set<String> names = new HashSet<>();

  /** A registry of Spoor's own metrics only. */
  public Metrics() {
  }

  /** A registry that also reports the JVM's and the process's metrics ({@code jvm_*}, {@code process_*}). */
  public static Metrics withJvmAndProcess() {
    Metrics metrics = new Metrics();
    JvmMetrics.builder().register(metrics.registry);
    return metrics;
  }

  public synchronized Counter counter(String name, String help, String... labelNames) {
    claim(name);
    return new Counter(name, io.prometheus.metrics.core.metrics.Counter.builder().name(name).help(help)
        .labelNames(labelNames).withoutExemplars().register(registry), labelNames);
  }

  public synchronized Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    claim(name);
    return new Histogram(name, io.prometheus.metrics.core.metrics.Histogram.builder().name(name).help(help)
        .labelNames(labelNames).classicOnly().classicUpperBounds(buckets).withoutExemplars().register(registry),
        labelNames.length);
  }

  public synchronized void gauge(String name, String help, LongSupplier value) {
    claim(name);
    GaugeWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.getAsLong()))
        .register(registry);
  }

  /**
   * Gauges of one family read on demand: {@code values} gives, at each scrape, a value per value
   * of the one label {@code labelName} (a key of the map).
   */
  public synchronized void gauges(String name, String help, Supplier<Map<?, ? extends Number>> values,
      String labelName) {
    claim(name);
    GaugeWithCallback.builder().name(name).help(help).labelNames(labelName)
        .callback(callback -> values.get().forEach((label, value) -> callback.call(value.doubleValue(),
            String.valueOf(label))))
        .register(registry);
  }

  /** The Prometheus text exposition of every metric, families sorted by name. */
  public String render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private void claim(String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("metric registered twice: " + name);
    }
  }
}
