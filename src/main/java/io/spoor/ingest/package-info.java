/**
 * The durable ingest path: hit types, the ingest log port (local now, Kafka later), the
 * single batch applier that commits hits in groups with how far the log was applied, the
 * applied-hit ledger that makes a hit sent or replayed again count once, and the rejection list
 * (its routes are in {@code admin}). Feature rules for each hit type live in the
 * feature packages as {@link io.spoor.ingest.HitApplier}s; this package only orders,
 * batches, deduplicates and records outcomes. The log's threads take their time from a
 * {@link io.spoor.ingest.Ticker} passed in, so its tests move time on instead of waiting.
 */
package io.spoor.ingest;
