package io.spoor.ops;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** A monotonically increasing count per combination of label values. */
public final class Counter {
  private final String name;
  private final io.prometheus.metrics.core.metrics.Counter counter;
  private final String[] labelNames;

  Counter(String name, io.prometheus.metrics.core.metrics.Counter counter, String[] labelNames) {
    this.name = name;
    this.counter = counter;
    this.labelNames = labelNames.clone();
  }

  public void inc(String... labelValues) {
    add(1, labelValues);
  }

  public void add(long n, String... labelValues) {
    if (n < 0) {
      throw new IllegalArgumentException(name + " is a counter: it only goes up, was asked to add " + n);
    }
    Metric.checkLabels(name, labelNames.length, labelValues);
    if (labelNames.length == 0) {
      counter.inc(n);
    } else {
      counter.labelValues(labelValues).inc(n);
    }
  }

  /** The current count of one series (0 when never incremented); reading does not create the series. */
  public long value(String... labelValues) {
    Metric.checkLabels(name, labelNames.length, labelValues);
    for (CounterSnapshot.CounterDataPointSnapshot point : counter.collect().getDataPoints()) {
      if (has(point.getLabels(), labelValues)) {
        return (long) point.getValue();
      }
    }
    return 0;
  }

  private boolean has(Labels labels, String[] labelValues) {
    for (int i = 0; i < labelNames.length; i++) {
      if (!labelValues[i].equals(labels.get(labelNames[i]))) {
        return false;
      }
    }
    return true;
  }
}
