package io.spoor.ops;

/** What counters and histograms share: the check of label values. */
final class Metric {
  private Metric() {
  }

  static void checkLabels(String name, int labelCount, String[] labelValues) {
    if (labelValues.length != labelCount) {
      throw new IllegalArgumentException(name + " takes " + labelCount + " label values");
    }
  }
}
