package io.spoor.ops;

/** Observations counted into fixed cumulative buckets, per combination of label values. */
public final class Histogram {
  public static final double[] LATENCY_SECONDS =
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  public static final double[] SIZES = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500};

  private final String name;
  private final io.prometheus.metrics.core.metrics.Histogram histogram;
  private final int labelCount;

  Histogram(String name, io.prometheus.metrics.core.metrics.Histogram histogram, int labelCount) {
    this.name = name;
    this.histogram = histogram;
    this.labelCount = labelCount;
  }

  public void observe(double value, String... labelValues) {
    Metric.checkLabels(name, labelCount, labelValues);
    if (labelCount == 0) {
      histogram.observe(value);
    } else {
      histogram.labelValues(labelValues).observe(value);
    }
  }
}
