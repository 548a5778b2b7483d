package io.spoor.track;

import io.spoor.events.EventDefinitionStore;
import io.spoor.events.Origin;
import io.spoor.ingest.Batch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What hits from the unauthenticated endpoints (the Events HTTP API and the tracking code's
 * beacons) may create per portal: dynamic event definitions per minute and in total, contacts
 * and visitors per minute (0: no limit). Minutes are counted by the time the hits were received
 * (the server's clock), in whole clock minutes; a hit received before the minute being counted
 * (a replay) counts into it. Used only on the applier thread; what a batch creates is counted
 * by its {@link Creations} and added here when the batch's writes are flushed.
 */
public final class CreationLimits {
  /** The limits, from the settings; 0 means none. */
  public record Limits(int definitionsTotal, int definitionsPerMinute, int contactsPerMinute,
      int visitorsPerMinute) {
    public Limits {
      if (definitionsTotal < 0 || definitionsPerMinute < 0 || contactsPerMinute < 0 || visitorsPerMinute < 0) {
        throw new IllegalArgumentException("limits must be 0 (none) or more");
      }
    }

    /** No limit on anything. */
    public static Limits none() {
      return new Limits(0, 0, 0, 0);
    }
  }

  /** What is limited, with the setting that limits it (named in rejections). */
  enum Kind {
    DEFINITION("dynamic event definitions", "--dynamic-event-definitions-per-minute"),
    CONTACT("new contacts", "--new-contacts-per-minute"),
    VISITOR("new visitors", "--new-visitors-per-minute");

    final String what;
    final String setting;

    Kind(String what, String setting) {
      this.what = what;
      this.setting = setting;
    }
  }

  private final Limits limits;
  private final EventDefinitionStore definitions;
  private final Map<Long, Window> windows = new HashMap<>();

  public CreationLimits(Limits limits, EventDefinitionStore definitions) {
    this.limits = limits;
    this.definitions = definitions;
  }

  /** The counting of this batch's creations, shared by every applier of the batch. */
  Creations of(Batch batch) {
    return batch.part(Creations.class, () -> new Creations(this));
  }

  /** For appliers of other packages: empty when the batch may create one more contact of the portal at {@code at}. */
  public Optional<String> contactRefusal(Batch batch, long portalId, long at) {
    return of(batch).refusal(Kind.CONTACT, portalId, at);
  }

  /** For appliers of other packages: counts a contact the batch created. */
  public void contactCreated(Batch batch, long portalId, long at) {
    of(batch).created(Kind.CONTACT, portalId, at);
  }

  Limits limits() {
    return limits;
  }

  int perMinute(Kind kind) {
    switch (kind) {
      case DEFINITION:
        return limits.definitionsPerMinute();
      case CONTACT:
        return limits.contactsPerMinute();
      default:
        return limits.visitorsPerMinute();
    }
  }

  long liveDynamicDefinitions(long portalId) {
    return definitions.countLive(portalId, Origin.DYNAMIC);
  }

  /** A copy of the portal's counts, for a batch to count on. */
  Window window(long portalId) {
    Window window = windows.get(portalId);
    return window == null ? new Window() : window.copy();
  }

  void commit(Map<Long, Window> counted) {
    windows.putAll(counted);
  }

  /** A portal's creations in one clock minute, by kind. */
  static final class Window {
    private long minute = Long.MIN_VALUE;
    private final int[] counts = new int[Kind.values().length];

    /** The count of the minute {@code at} falls in, moving the window on to a later minute. */
    int count(Kind kind, long at) {
      long of = Math.floorDiv(at, 60_000L);
      if (of > minute) {
        minute = of;
        Arrays.fill(counts, 0);
      }
      return counts[kind.ordinal()];
    }

    void add(Kind kind, long at) {
      count(kind, at);
      counts[kind.ordinal()]++;
    }

    Window copy() {
      Window copy = new Window();
      copy.minute = minute;
      System.arraycopy(counts, 0, copy.counts, 0, counts.length);
      return copy;
    }
  }
}
