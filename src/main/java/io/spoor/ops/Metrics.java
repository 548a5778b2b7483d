package io.spoor.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A small Prometheus registry: labelled counters, gauges read on demand, and histograms.
 * Metric families are created once at wiring time; updating them is lock-free.
 */
public final class Metrics {
  private final List<Family> families = new ArrayList<>();

  public synchronized Counter counter(String name, String help, String... labelNames) {
    return register(new Counter(name, help, labelNames));
  }

  public synchronized Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    return register(new Histogram(name, help, buckets, labelNames));
  }

  public synchronized void gauge(String name, String help, LongSupplier value) {
    register(new Gauge(name, help, value));
  }

  /** The Prometheus text exposition of every metric. */
  public synchronized String render() {
    StringBuilder out = new StringBuilder(4096);
    for (Family family : families) {
      out.append("# HELP ").append(family.name()).append(' ').append(family.help()).append('\n');
      out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
      family.render(out);
    }
    return out.toString();
  }

  private <T extends Family> T register(T family) {
    if (families.stream().anyMatch(f -> f.name().equals(family.name()))) {
      throw new IllegalArgumentException("metric registered twice: " + family.name());
    }
    families.add(family);
    return family;
  }

  /** A named metric with its help line. */
  interface Family {
    String name();

    String help();

    String type();

    void render(StringBuilder out);
  }

  private record Gauge(String name, String help, LongSupplier value) implements Family {
    @Override
    public String type() {
      return "gauge";
    }

    @Override
    public void render(StringBuilder out) {
      out.append(name).append(' ').append(value.getAsLong()).append('\n');
    }
  }
}
