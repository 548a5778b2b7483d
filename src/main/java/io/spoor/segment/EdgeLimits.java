package io.spoor.segment;

/**
 * Segment's size limits, as settings: bytes of one message's JSON, bytes of one request (after
 * inflating a gzip body, and before), messages in one batch.
 */
public record EdgeLimits(int maxMessageBytes, int maxRequestBytes, int maxBatchMessages) {
  /** Segment's own figures: 32 KB a message, 500 KB a request, 2,500 messages a batch. */
  public static final EdgeLimits SEGMENT = new EdgeLimits(32 * 1024, 500 * 1024, 2_500);

  public EdgeLimits {
    if (maxMessageBytes <= 0 || maxRequestBytes <= 0 || maxBatchMessages <= 0) {
      throw new IllegalArgumentException("every limit must be positive");
    }
  }
}
