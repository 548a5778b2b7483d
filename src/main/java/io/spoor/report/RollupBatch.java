package io.spoor.report;

import io.spoor.identity.Source;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One batch's changes to the rollups. Page views, new contacts and completions are gathered as
 * the hits are applied; at {@link #flush()} the visits they touch are read once, brought up to
 * date, and the difference each visit made (before against after) is added to the daily and
 * hourly buckets, so a visit's second page turns its bounce into none and moves its exit page. A
 * visit's first appearance adds its visitor to the buckets' sketches; completions made during a
 * visit are kept with the visit. The visits this process wrote lately are known without a read
 * ({@link RecentVisits}), and so is a new visit: only visits it cannot vouch for are read.
 */
public final class RollupBatch implements Deferred {
  static final long HOUR = 3_600_000L;

  private record PageHit(long portalId, String utk, long sessionStart, long at, String path,
      Supplier<Source> source, String userAgent) {
  }

  private record ContactHit(SessionRow.Key session) {
  }

  private final RollupStore store;
  private final UserAgents agents;
  private final RecentVisits recent;
  private final boolean enabled;
  private final List<PageHit> pages = new ArrayList<>();
  private final List<ContactHit> contacts = new ArrayList<>();
  private final Buckets buckets = new Buckets();
  private final Map<RollupStore.VisitEvent, long[]> visitEvents = new HashMap<>();

  /**
   * What the batch wrote of a portal's visits, for {@link RecentVisits} once it committed: the
   * version it moved them to, the floor it found when it could not trust what was held (empty when
   * it could), and the visits it saved.
   */
  private record Written(long version, OptionalLong floor, List<SessionRow> saved) {
  }

  private final Map<Long, Written> written = new TreeMap<>();

  RollupBatch(RollupStore store, UserAgents agents, RecentVisits recent, boolean enabled) {
    this.store = store;
    this.agents = agents;
    this.recent = recent;
    this.enabled = enabled;
  }

  /** A page view of the visit that started at {@code sessionStart}; {@code source} is asked only for its first page. */
  public void pageView(long portalId, String utk, long sessionStart, long at, String path, Supplier<Source> source,
      String userAgent) {
    if (enabled) {
      pages.add(new PageHit(portalId, utk, sessionStart, at, path == null || path.isEmpty() ? "/" : path, source,
          userAgent));
    }
  }

  /**
   * A contact created by a hit at {@code at}; during the visit of {@code utk} that started at
   * {@code sessionStart}, or of no visit when {@code utk} is null (the events API).
   */
  public void newContact(long portalId, String utk, long sessionStart, long at) {
    if (enabled) {
      buckets.add(portalId, Dimension.ALL, "", at, Buckets.NEW_CONTACTS, 1);
      if (utk != null) {
        contacts.add(new ContactHit(new SessionRow.Key(portalId, utk, sessionStart)));
      }
    }
  }

  /** An event completion at {@code at}, with its revenue in millionths (0 without one), made outside a visit. */
  public void completion(long portalId, long eventId, long at, long revenueMicros) {
    completion(portalId, eventId, at, revenueMicros, null, 0);
  }

  /**
   * An event completion at {@code at} by the visitor {@code utk} during its visit that started at
   * {@code sessionStart}: kept with the visit too (when the visit's pages were seen), so that
   * filtered reports count it.
   */
  public void completion(long portalId, long eventId, long at, long revenueMicros, String utk, long sessionStart) {
    if (enabled) {
      if (utk != null) {
        long[] c = visitEvents.computeIfAbsent(new RollupStore.VisitEvent(
            new SessionRow.Key(portalId, utk, sessionStart), eventId, hour(at)), k -> new long[2]);
        c[0]++;
        c[1] += revenueMicros;
      }
      for (Dimension d : new Dimension[] {Dimension.ALL, Dimension.EVENT}) {
        String value = d == Dimension.ALL ? "" : Long.toString(eventId);
        buckets.add(portalId, d, value, at, Buckets.COMPLETIONS, 1);
        buckets.add(portalId, d, value, at, Buckets.REVENUE, revenueMicros);
      }
    }
  }

  @Override
  public void flush() {
    long now = System.currentTimeMillis();
    if (!pages.isEmpty() || !contacts.isEmpty() || !visitEvents.isEmpty()) {
      Set<SessionRow.Key> keys = new LinkedHashSet<>();
      pages.forEach(p -> keys.add(new SessionRow.Key(p.portalId(), p.utk(), p.sessionStart())));
      contacts.forEach(c -> keys.add(c.session()));
      visitEvents.keySet().forEach(e -> keys.add(e.session()));
      Map<SessionRow.Key, SessionRow> before = stored(keys);
      Map<SessionRow.Key, SessionRow> after = new LinkedHashMap<>(before);
      for (PageHit p : pages) {
        SessionRow.Key key = new SessionRow.Key(p.portalId(), p.utk(), p.sessionStart());
        SessionRow row = after.get(key);
        after.put(key, row == null ? first(p) : row.withPage(p.at(), p.path()));
        buckets.add(p.portalId(), Dimension.ALL, "", p.at(), Buckets.PAGE_VIEWS, 1);
        buckets.add(p.portalId(), Dimension.PAGE, p.path(), p.at(), Buckets.PAGE_VIEWS, 1);
      }
      for (ContactHit c : contacts) {
        after.computeIfPresent(c.session(), (k, row) -> row.withNewContact());
      }
      Map<SessionRow.Key, SessionRow> changed = new HashMap<>();
      after.forEach((key, row) -> {
        SessionRow old = before.get(key);
        if (!row.equals(old)) {
          changed.put(key, row);
          if (old != null) {
            buckets.session(old, -1, false);
          }
          buckets.session(row, 1, old == null);
        }
      });
      store.saveSessions(changed.values(), now);
      changed.values().forEach(row -> written.get(row.portalId()).saved().add(row));
      visitEvents.keySet().removeIf(e -> !after.containsKey(e.session())); // no visit seen: counted unfiltered only
      store.addVisitEvents(visitEvents, now);
    }
    store.addBuckets(buckets);
    pages.clear();
    contacts.clear();
    visitEvents.clear();
    buckets.clear();
  }

  @Override
  public void committed() {
    written.forEach((portal, w) -> recent.committed(portal, w.version(), w.floor(), w.saved()));
  }

  /**
   * The stored visits among {@code keys}: moves each portal's version of its visits first, then
   * takes what {@link RecentVisits} vouches for (a visit held, or none stored) and reads the rest.
   */
  private Map<SessionRow.Key, SessionRow> stored(Set<SessionRow.Key> keys) {
    new TreeSet<>(keys.stream().map(SessionRow.Key::portalId).toList()).forEach(portal -> { // in one order: no deadlock
      long version = store.moveVisits(portal);
      written.put(portal, new Written(version, recent.trusts(portal, version) ? OptionalLong.empty()
          : OptionalLong.of(store.latestStart(portal)), new ArrayList<>()));
    });
    Map<SessionRow.Key, SessionRow> found = new HashMap<>();
    List<SessionRow.Key> unknown = new ArrayList<>();
    for (SessionRow.Key key : keys) {
      OptionalLong reset = written.get(key.portalId()).floor();
      SessionRow held = reset.isEmpty() ? recent.get(key) : null;
      if (held != null) {
        found.put(key, held);
      } else if (key.startedAt() <= reset.orElseGet(() -> recent.floor(key.portalId()))) {
        unknown.add(key);
      } // else started after everything stored: not stored
    }
    found.putAll(store.sessions(unknown));
    return found;
  }

  private SessionRow first(PageHit p) {
    Source source = p.source().get();
    UserAgents.Agent agent = agents.parse(p.userAgent());
    return new SessionRow(p.portalId(), p.utk(), p.sessionStart(), Math.max(p.at(), p.sessionStart()), p.path(),
        p.path(), 1, source.type().name(), orEmpty(source.data1()), orEmpty(source.data2()), agent.device(),
        agent.browser(), agent.os(), 0);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static long hour(long at) {
    return Math.floorDiv(at, HOUR);
  }
}
