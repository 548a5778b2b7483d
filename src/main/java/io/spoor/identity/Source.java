package io.spoor.identity;

/**
 * A traffic source with its drill-downs, HubSpot's {@code hs_analytics_source},
 * {@code hs_analytics_source_data_1} and {@code hs_analytics_source_data_2}. The drill-downs
 * are null when unknown; see {@link TrafficSource} for what each type puts in them.
 */
public record Source(SourceType type, String data1, String data2) {

  public Source {
    if (type == null) {
      throw new IllegalArgumentException("type is not null");
    }
  }

  static Source of(SourceType type) {
    return new Source(type, null, null);
  }
}
