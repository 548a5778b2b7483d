package io.spoor.forward;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portals' forwarding targets as the outbox asks for them on every applied hit, read from
 * the store once and kept until the target is set or removed. A read that overlaps a change is
 * not kept, so a change is never hidden by a value read before it.
 */
final class ForwardTargets {
  private final ForwardStore store;
  private final Map<Long, Optional<ForwardTarget>> known = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();

  ForwardTargets(ForwardStore store) {
    this.store = store;
  }

  /** The portal's target; call inside a transaction. */
  Optional<ForwardTarget> of(long hubId) {
    Optional<ForwardTarget> cached = known.get(hubId);
    if (cached != null) {
      return cached;
    }
    long before = changes.get();
    Optional<ForwardTarget> read = store.target(hubId);
    if (changes.get() == before) {
      known.putIfAbsent(hubId, read);
    }
    return read;
  }

  /** Called once a change of the portal's target is committed. */
  void changed(long hubId) {
    changes.incrementAndGet();
    known.remove(hubId);
  }
}
