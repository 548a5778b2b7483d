/**
 * Forwarding to a real HubSpot: the calls applied hits map to ({@link io.spoor.forward.ForwardCall}),
 * queued durably per portal by the {@link io.spoor.forward.Outbox} in the applier's transaction, and
 * delivered to the portal's forwarding target in HubSpot's API by one worker thread, within the
 * target's limits and the remote's, retried with backoff, and kept as dead letters when they fail
 * for good. Owns the {@code forward_*} tables; reads no other feature's tables and calls no other
 * feature's code: appliers depend on it, never the other way round.
 */
package io.spoor.forward;
