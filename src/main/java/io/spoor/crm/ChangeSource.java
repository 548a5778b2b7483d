package io.spoor.crm;

/** Where a property change came from, as HubSpot names it in {@code propertiesWithHistory}. */
public enum ChangeSource {
  API("API", null),
  TRACKING_CODE("ANALYTICS", "tracking-code"),
  EVENTS_API("ANALYTICS", "events-http-api"),
  SEGMENT("INTEGRATION", "segment"),
  IMPORT("IMPORT", null);

  private final String sourceType;
  private final String sourceId;

  ChangeSource(String sourceType, String sourceId) {
    this.sourceType = sourceType;
    this.sourceId = sourceId;
  }

  public String sourceType() {
    return sourceType;
  }

  public String sourceId() {
    return sourceId;
  }
}
