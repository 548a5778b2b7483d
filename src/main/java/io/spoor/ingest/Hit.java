package io.spoor.ingest;

/**
 * Something a tracker or sender asked Spoor to record. Every hit has an id given at the edge
 * (or derived from the client's idempotency key): applying the same id twice counts once.
 */
public sealed interface Hit permits EventApiHit, BeaconHit, SentEventHit, SegmentHit {
  String id();

  long hubId();

  /** When the edge received it, epoch ms. */
  long receivedAt();

  /** A short name of the hit type, used as a metrics label. */
  String kind();

  /** The raw request parameters, bounded, kept for the rejection list. */
  String rawParams();
}
