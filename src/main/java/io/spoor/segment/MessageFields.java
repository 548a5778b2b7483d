package io.spoor.segment;

/** Wire names of a Segment message, as the mapping reads them (Segment's Tracking API spec). */
final class MessageFields {
  static final String TYPE = "type";
  static final String USER_ID = "userId";
  static final String ANONYMOUS_ID = "anonymousId";
  static final String PREVIOUS_ID = "previousId";
  static final String GROUP_ID = "groupId";
  static final String EVENT = "event";
  static final String NAME = "name";
  static final String TRAITS = "traits";
  static final String PROPERTIES = "properties";
  static final String CONTEXT = "context";
  static final String INTEGRATIONS = "integrations";
  static final String PAGE = "page";
  static final String EMAIL = "email";
  static final String WEBSITE = "website";
  /** The HubSpot visitor cookie's value, in {@code context} or {@code integrations.HubSpot}. */
  static final String HUBSPOTUTK = "hubspotutk";
  static final String HUBSPOT = "HubSpot";
  static final String URL = "url";
  static final String PATH = "path";
  static final String REFERRER = "referrer";
  static final String TITLE = "title";
  /** Where a track's value is read from, in this order. */
  static final String[] REVENUE = {"revenue", "value", "total"};

  private MessageFields() {
  }
}
