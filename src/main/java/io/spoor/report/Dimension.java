package io.spoor.report;

/** What an hourly bucket counts by, with its stored name. */
enum Dimension {
  ALL("all"), SOURCE("source"), SOURCE_DATA_1("source_data_1"), DEVICE("device"), BROWSER("browser"), OS("os"),
  PAGE("page"), EVENT("event");

  private final String stored;

  Dimension(String stored) {
    this.stored = stored;
  }

  String stored() {
    return stored;
  }

  /** A drill-down's bucket value: the source bucket and its first drill-down. */
  static String drillDown(String source, String data1) {
    return source + "|" + data1;
  }
}
