package io.spoor.dashboard;

import io.spoor.ingest.BatchSink;
import io.spoor.ingest.Hit;
import io.spoor.ingest.LogPlace;
import io.spoor.store.ChangeFeed;
import io.spoor.store.ChangeWatch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Who wants to hear that a portal's hits were applied: the dashboard's live streams listen per
 * portal, and {@link #watching} wraps this process's applier so each batch committed tells the
 * portals it held, after its commit (so a report read then sees its hits). Batches other
 * processes apply are heard of from the change feed ({@link #elsewhere}), polled often while a
 * stream is open. A listener runs on the applier's or the watch's thread and must hand its work
 * off at once.
 */
public final class LiveUpdates {
  private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();

  /** The applier, telling the listeners of each batch it commits. */
  public BatchSink watching(BatchSink sink) {
    return new BatchSink() {
      @Override
      public void apply(List<Hit> hits, LogPlace place) {
        sink.apply(hits, place);
        applied(hits);
      }

      @Override
      public long appliedThrough(String log) {
        return sink.appliedThrough(log);
      }

      @Override
      public long nextOffset(String topic, int partition) {
        return sink.nextOffset(topic, partition);
      }
    };
  }

  /** Tells each portal's listeners how many of the hits were theirs. */
  void applied(List<Hit> hits) {
    if (listeners.isEmpty()) {
      return;
    }
    Map<Long, Long> perPortal = new TreeMap<>();
    hits.forEach(hit -> perPortal.merge(hit.hubId(), 1L, Long::sum));
    perPortal.forEach(this::applied);
  }

  private void applied(long hubId, long count) {
    listeners.getOrDefault(hubId, Set.of()).forEach(l -> l.accept(count));
  }

  /** Whether a stream listens: the change feed is read often only then. */
  public boolean listening() {
    return !listeners.isEmpty();
  }

  /**
   * Tells the listeners of the batches other processes applied, as the change feed counts them;
   * this process's own applier ({@code ownSource}) is heard of at once, not here.
   */
  public ChangeWatch.Listener elsewhere(String ownSource) {
    return (before, now) -> {
      if (now.source().startsWith(ChangeFeed.APPLIER) && !now.source().equals(ownSource)) {
        // a row dropped and made again counts from zero
        long added = before == null || now.changes() < before.changes() ? now.changes()
            : now.changes() - before.changes();
        applied(now.portalId(), added);
      }
    };
  }

  /** Calls {@code listener} with the number of hits of each batch of the portal applied; the returned action stops it. */
  Runnable listen(long hubId, LongConsumer listener) {
    listeners.computeIfAbsent(hubId, k -> ConcurrentHashMap.newKeySet()).add(listener);
    return () -> listeners.computeIfPresent(hubId, (k, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }
}
