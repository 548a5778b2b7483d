package io.spoor.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count per combination of label values. */
public final class Counter implements Metrics.Family {
  private final String name;
  private final String help;
  private final String[] labelNames;
  private final Map<Labels, LongAdder> series = new ConcurrentHashMap<>();

  Counter(String name, String help, String... labelNames) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames.clone();
  }

  public void inc(String... labelValues) {
    add(1, labelValues);
  }

  public void add(long n, String... labelValues) {
    if (n < 0) {
      throw new IllegalArgumentException(name + " is a counter: it only goes up, was asked to add " + n);
    }
    if (labelValues.length != labelNames.length) {
      throw new IllegalArgumentException(name + " takes " + labelNames.length + " label values");
    }
    series.computeIfAbsent(new Labels(List.of(labelValues)), k -> new LongAdder()).add(n);
  }

  /** The current count of one series (0 when never incremented). */
  public long value(String... labelValues) {
    LongAdder adder = series.get(new Labels(List.of(labelValues)));
    return adder == null ? 0 : adder.sum();
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
    return "counter";
  }

  @Override
  public void render(StringBuilder out) {
    series.forEach((labels, adder) -> out.append(name)
        .append(Labels.render(labelNames, labels, null, null)).append(' ').append(adder.sum()).append('\n'));
  }
}
