package io.spoor.track;

import io.spoor.events.DynamicDefinitionGate;
import io.spoor.store.Deferred;
import io.spoor.track.CreationLimits.Kind;
import io.spoor.track.CreationLimits.Window;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The creations of one batch, counted against the portal's {@link CreationLimits}. The counts
 * join the limits' own at {@link #flush()}, with the batch's writes: a batch that fails while
 * its hits are applied counts nothing, and its retry counts them once. (One that fails after
 * its writes were flushed, at commit, counts them again when retried: a few more refused that
 * minute at worst.)
 */
final class Creations implements Deferred, DynamicDefinitionGate {
  private final CreationLimits limits;
  private final Map<Long, Window> windows = new HashMap<>();

  Creations(CreationLimits limits) {
    this.limits = limits;
  }

  /** Empty when the portal may create one more of the kind at {@code at}; otherwise why not. */
  Optional<String> refusal(Kind kind, long portalId, long at) {
    int perMinute = limits.perMinute(kind);
    if (perMinute > 0 && window(portalId).count(kind, at) >= perMinute) {
      return Optional.of("portal " + portalId + " has created " + perMinute + " " + kind.what
          + " this minute, the most it may (" + kind.setting + "); refused, not kept for later");
    }
    int total = limits.limits().definitionsTotal();
    if (kind == Kind.DEFINITION && total > 0 && limits.liveDynamicDefinitions(portalId) >= total) {
      return Optional.of("portal " + portalId + " has " + total + " dynamic event definitions, the most it may "
          + "(--dynamic-event-definitions-max); delete unused ones or raise the setting");
    }
    return Optional.empty();
  }

  void created(Kind kind, long portalId, long at) {
    window(portalId).add(kind, at);
  }

  @Override
  public Optional<String> refusal(long portalId, long at) {
    return refusal(Kind.DEFINITION, portalId, at);
  }

  @Override
  public void created(long portalId, long at) {
    created(Kind.DEFINITION, portalId, at);
  }

  @Override
  public void flush() {
    limits.commit(windows);
    windows.clear();
  }

  private Window window(long portalId) {
    return windows.computeIfAbsent(portalId, limits::window);
  }
}
