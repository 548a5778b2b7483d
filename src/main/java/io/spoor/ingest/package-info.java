/**
 * The durable ingest path: hit types, the ingest log port (local now, Kafka later), the
 * single batch applier that commits hits in groups with how far the log was applied, the
 * applied-hit ledger that makes a hit sent or replayed again count once, and the rejection list
 * (its routes are in {@code admin}). Feature rules for each hit type live in the
 * feature packages as {@link io.spoor.ingest.HitApplier}s; this package only orders,
 * batches, deduplicates and records outcomes.
 */
package io.spoor.ingest;
