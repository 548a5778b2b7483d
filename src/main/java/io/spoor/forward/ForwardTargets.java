package io.spoor.forward;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portals' forwarding targets as the outbox asks for them on every applied hit, read from
 * the store once and kept until the target is set or removed: here ({@link #changed}) or by
 * another process ({@link #changedElsewhere}, from the change feed). A read that overlaps a
 * change is not kept, nor one older than a change heard of, so a change is never hidden by a
 * value read before it.
 */
final class ForwardTargets {
  private final ForwardStore store;
  private final Map<Long, Known> known = new ConcurrentHashMap<>();
  /** Per portal, the most target changes heard of from the change feed. */
  private final Map<Long, Long> heard = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();

  /** A target read with the count of changes the store had made to it before the read. */
  private record Known(Optional<ForwardTarget> target, long version) {
  }

  ForwardTargets(ForwardStore store) {
    this.store = store;
  }

  /** The portal's target; call inside a transaction. */
  Optional<ForwardTarget> of(long hubId) {
    Known cached = known.get(hubId);
    if (cached != null) {
      return cached.target();
    }
    long before = changes.get();
    long version = store.targetChanges(hubId);
    Optional<ForwardTarget> read = store.target(hubId);
    if (changes.get() == before && version >= heard.getOrDefault(hubId, 0L)) {
      known.putIfAbsent(hubId, new Known(read, version));
    }
    return read;
  }

  /** Called once a change of the portal's target is committed. */
  void changed(long hubId) {
    changes.incrementAndGet();
    known.remove(hubId);
  }

  /** Called when the change feed says the portal's target has been changed {@code version} times in all. */
  void changedElsewhere(long hubId, long version) {
    heard.merge(hubId, version, Math::max);
    changes.incrementAndGet();
    known.computeIfPresent(hubId, (hub, k) -> k.version() < version ? null : k);
  }
}
