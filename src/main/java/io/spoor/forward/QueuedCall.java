package io.spoor.forward;

/**
 * A call in the outbox: due for delivery, or dead after its last try. {@code single} marks a
 * contact upsert whose batch failed whole: it is sent on its own from then on.
 */
record QueuedCall(long id, long hubId, ForwardCall call, int attempts, long queuedAt, boolean single,
    boolean dead, String lastError) {
}
