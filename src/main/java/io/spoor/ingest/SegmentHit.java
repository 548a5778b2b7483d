package io.spoor.ingest;

/**
 * One message of Segment's HTTP Tracking API ({@code identify}, {@code track}, {@code page},
 * {@code screen}, {@code group} or {@code alias}), as the edge accepted it: the message's JSON
 * text with the batch's shared {@code context} and {@code integrations} merged in and the fields
 * that differ between two deliveries of the same message ({@code sentAt}, {@code writeKey})
 * taken out, and its event time already worked out by Segment's rule.
 *
 * @param type the message type, lower case
 * @param message the message as JSON text
 * @param timestamp when it happened, epoch ms: {@code receivedAt - (sentAt - timestamp)} when
 *     the client sent {@code sentAt}, else its {@code timestamp}, else {@code receivedAt}
 */
public record SegmentHit(String id, long hubId, long receivedAt, String type, String message, long timestamp,
    String rawParams) implements Hit {

  @Override
  public String kind() {
    return "segment";
  }
}
