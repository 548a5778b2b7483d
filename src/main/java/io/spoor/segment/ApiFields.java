package io.spoor.segment;

import java.util.List;

/** The wire names of Segment's HTTP Tracking API that the edge reads, in one place. */
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

  /** The message types, lower case, as in a batch element's {@code type} and the single-call paths. */
  static final List<String> TYPES = List.of("identify", "track", "page", "screen", "group", "alias");
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
