package io.spoor.kafka;

import io.spoor.ingest.IngestOverloadedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * In a process that both sends and applies: the offsets this process's edge had acknowledged
 * and its processor has not applied yet, by partition. They are the backlog the edge bounds, and
 * what {@link #await} waits for. Once the processor knows its partitions, only theirs are kept:
 * another processor applies the others. Thread-safe.
 */
final class Acknowledged {
  private final Map<Integer, NavigableSet<Long>> pending = new ConcurrentHashMap<>();
  private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private volatile Optional<Set<Integer>> owned = Optional.empty();
  private volatile boolean closed;

  private record Waiter(Map<Integer, Long> through, CompletableFuture<Void> done) {
  }

  void add(int partition, long offset) {
    if (owned.map(o -> !o.contains(partition)).orElse(false)) {
      return;
    }
    NavigableSet<Long> offsets = pending.computeIfAbsent(partition, p -> new ConcurrentSkipListSet<>());
    offsets.add(offset);
    // the processor may have applied it before the producer's callback ran
    if (applied.getOrDefault(partition, -1L) > offset) {
      offsets.remove(offset);
    }
  }

  /** The processor committed the partition through {@code next - 1}. */
  void applied(int partition, long next) {
    applied.merge(partition, next, Math::max);
    NavigableSet<Long> offsets = pending.get(partition);
    if (offsets != null) {
      offsets.headSet(next).clear();
    }
    check();
  }

  /** The processor's partitions now: the others' offsets are another processor's to apply. */
  void own(Set<Integer> partitions) {
    owned = Optional.of(Set.copyOf(partitions));
    pending.keySet().retainAll(partitions);
    check();
  }

  long count() {
    return pending.values().stream().mapToLong(Set::size).sum();
  }

  /** Completes once every offset acknowledged so far is applied (or its partition is another's). */
  synchronized CompletableFuture<Void> await() {
    Map<Integer, Long> through = new HashMap<>();
    pending.forEach((partition, offsets) -> {
      Long last = offsets.isEmpty() ? null : offsets.last();
      if (last != null) {
        through.put(partition, last);
      }
    });
    Waiter waiter = new Waiter(through, new CompletableFuture<>());
    if (closed) {
      waiter.done.completeExceptionally(new IngestOverloadedException("ingest log closed"));
    } else {
      waiters.add(waiter);
      check();
    }
    return waiter.done;
  }

  /** Fails every waiter still waiting: nothing more will be applied here. */
  synchronized void close() {
    closed = true;
    waiters.forEach(w -> w.done.completeExceptionally(
        new IngestOverloadedException("ingest log closed with acknowledged hits not yet applied")));
    waiters.clear();
  }

  private synchronized void check() {
    waiters.removeIf(w -> {
      boolean done = w.through.entrySet().stream().allMatch(e -> !pending.containsKey(e.getKey())
          || applied.getOrDefault(e.getKey(), -1L) > e.getValue());
      if (done) {
        w.done.complete(null);
      }
      return done;
    });
  }
}
