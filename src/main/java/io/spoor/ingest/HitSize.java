package io.spoor.ingest;

import io.spoor.http.Param;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a hit costs in memory while it waits to be written or applied, estimated from what it
 * carries: its strings (one byte a character, as the JVM stores Latin-1 text, plus each
 * string's own overhead), its parameters and a fixed cost for the hit, its future and its
 * place in the queues. The same hit always gets the same estimate, so what is added for it
 * can be taken off again.
 */
final class HitSize {
  /** The hit record, the future its caller waits on, and its places in the queues. */
  private static final long PER_HIT = 256;
  /** A String object and its array, without the characters. */
  private static final long PER_STRING = 48;
  /** A parameter or property: its record (or map entry) and its slot in the list. */
  private static final long PER_ENTRY = 32;

  private HitSize() {
  }

  static long of(Hit hit) {
    long size = PER_HIT + text(hit.id()) + text(hit.rawParams());
    if (hit instanceof BeaconHit b) {
      size += params(b.params());
    } else if (hit instanceof EventApiHit e) {
      size += text(e.eventRef()) + text(e.email()) + text(e.revenue()) + text(e.externalId())
          + params(e.properties());
      for (String name : e.malformed()) {
        size += PER_ENTRY + text(name);
      }
    } else if (hit instanceof SegmentHit s) {
      size += text(s.type()) + text(s.message());
    } else if (hit instanceof SentEventHit s) {
      size += text(s.eventName()) + text(s.utk()) + text(s.email()) + PER_ENTRY;
      for (Map.Entry<String, String> p : s.properties().entrySet()) {
        size += PER_ENTRY + text(p.getKey()) + text(p.getValue());
      }
    }
    return size;
  }

  private static long params(List<Param> params) {
    long size = 0;
    for (Param p : params) {
      size += PER_ENTRY + text(p.name()) + text(p.value());
    }
    return size;
  }

  private static long text(String s) {
    return s == null ? 0 : PER_STRING + s.length();
  }

  private static long text(Optional<String> s) {
    return s.map(HitSize::text).orElse(0L);
  }
}
