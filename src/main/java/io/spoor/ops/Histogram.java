package io.spoor.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations counted into fixed cumulative buckets, per combination of label values. */
public final class Histogram implements Metrics.Family {
  public static final double[] LATENCY_SECONDS =
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  public static final double[] SIZES = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500};

  private final String name;
  private final String help;
  private final double[] buckets;
  private final String[] labelNames;
  private final Map<Labels, Series> series = new ConcurrentHashMap<>();

  Histogram(String name, String help, double[] buckets, String... labelNames) {
    this.name = name;
    this.help = help;
    this.buckets = buckets.clone();
    this.labelNames = labelNames.clone();
  }

  public void observe(double value, String... labelValues) {
    if (labelValues.length != labelNames.length) {
      throw new IllegalArgumentException(name + " takes " + labelNames.length + " label values");
    }
    Series s = series.computeIfAbsent(new Labels(List.of(labelValues)), k -> new Series(buckets.length));
    for (int i = 0; i < buckets.length; i++) {
      if (value <= buckets[i]) {
        s.counts[i].increment();
        break;
      }
    }
    s.count.increment();
    s.sum.add(value);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String help() {
    return help;
  }

  @Override
  public String type() {
    return "histogram";
  }

  @Override
  public void render(StringBuilder out) {
    series.forEach((labels, s) -> {
      long cumulative = 0;
      for (int i = 0; i < buckets.length; i++) {
        cumulative += s.counts[i].sum();
        out.append(name).append("_bucket").append(Labels.render(labelNames, labels, "le",
            Double.toString(buckets[i]))).append(' ').append(cumulative).append('\n');
      }
      out.append(name).append("_bucket").append(Labels.render(labelNames, labels, "le", "+Inf"))
          .append(' ').append(s.count.sum()).append('\n');
      out.append(name).append("_sum").append(Labels.render(labelNames, labels, null, null))
          .append(' ').append(s.sum.sum()).append('\n');
      out.append(name).append("_count").append(Labels.render(labelNames, labels, null, null))
          .append(' ').append(s.count.sum()).append('\n');
    });
  }

  private static final class Series {
    final LongAdder[] counts;
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Series(int size) {
      counts = new LongAdder[size];
      for (int i = 0; i < size; i++) {
        counts[i] = new LongAdder();
      }
    }
  }
}
