package io.spoor.segment;

import java.util.List;

/** The wire names of Segment's HTTP Tracking API that the edge and the mapping read, in one place. */
final class ApiFields {
  static final String TYPE = "type";
  static final String BATCH = "batch";
  static final String WRITE_KEY = "writeKey";
  static final String SENT_AT = "sentAt";
  static final String TIMESTAMP = "timestamp";
  static final String ORIGINAL_TIMESTAMP = "originalTimestamp";
  static final String MESSAGE_ID = "messageId";
  static final String USER_ID = "userId";
  static final String ANONYMOUS_ID = "anonymousId";
  static final String EVENT = "event";
  static final String CONTEXT = "context";
  static final String INTEGRATIONS = "integrations";
  // read by the mapping
  static final String PREVIOUS_ID = "previousId";
  static final String GROUP_ID = "groupId";
  static final String NAME = "name";
  static final String TRAITS = "traits";
  static final String PROPERTIES = "properties";
  static final String PAGE = "page";
  static final String EMAIL = "email";
  static final String WEBSITE = "website";
  /** The HubSpot visitor cookie's value, in {@code context} or {@code integrations.HubSpot}. */
  static final String HUBSPOTUTK = "hubspotutk";
  static final String HUBSPOT = "HubSpot";
  /** The {@code integrations} key that turns every destination on or off at once. */
  static final String ALL = "All";
  static final String URL = "url";
  static final String PATH = "path";
  static final String REFERRER = "referrer";
  static final String TITLE = "title";
  /** Where a track's value is read from, in this order. */
  static final List<String> REVENUE = List.of("revenue", "value", "total");

  /** The message types, lower case, as in a batch element's {@code type} and the single-call paths. */
  static final List<String> TYPES = List.of("identify", "track", "page", "screen", "group", "alias");
  /** The types applied as a page view. */
  static final List<String> PAGE_TYPES = List.of("page", "screen");
  /** The paths that take a batch: {@code /v1/import} is where analytics-java posts. */
  static final List<String> BATCH_PATHS = List.of("batch", "import");
  /**
   * The type of a hit the edge logs for a batch element it found invalid: the applier rejects
   * it with the reason its message names (see {@link EdgeRejections}).
   */
  static final String INVALID = "invalid";

  /** Segment's bound on a {@code messageId}. */
  static final int MAX_MESSAGE_ID = 100;

  private ApiFields() {
  }
}
