/**
 * The ingest log on Kafka ({@code --log kafka://host:port/topic}): the edge sends each hit to a
 * topic with an idempotent producer and {@code acks=all} and answers once Kafka acknowledged it;
 * processors consume the topic in batches and hand them to the ingest package's sink, which
 * commits each partition's offset in the store transaction of the batch. Implements the
 * {@link io.spoor.ingest.IngestLog} port; knows nothing of features or of the store's tables.
 */
package io.spoor.kafka;
