package io.spoor.report;

import io.spoor.identity.Source;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One batch's changes to the rollups. Page views, new contacts and completions are gathered as
 * the hits are applied; at {@link #flush()} the visits they touch are read once, brought up to
 * date, and the difference each visit made (before against after) is added to the daily and
 * hourly buckets, so a visit's second page turns its bounce into none and moves its exit page. A
 * visit the applier saw start in the batch is written whole without being read first; only when
 * it turns out to be stored already (a late page of a visit the visitor had left) is it read and
 * brought up to date like the others. A visit's first appearance adds its visitor to the
 * buckets' sketches; completions made during a visit are kept with the visit.
 */
public final class RollupBatch implements Deferred {
  static final long HOUR = 3_600_000L;

  private record PageHit(long portalId, String utk, long sessionStart, long at, String path,
      Supplier<Source> source, String userAgent, boolean startsVisit) {
    SessionRow.Key visit() {
      return new SessionRow.Key(portalId, utk, sessionStart);
    }
  }

  private record ContactHit(SessionRow.Key session) {
  }

  private final RollupStore store;
  private final UserAgents agents;
  private final boolean enabled;
  private final List<PageHit> pages = new ArrayList<>();
  private final List<ContactHit> contacts = new ArrayList<>();
  private final Buckets buckets = new Buckets();
  private final Map<RollupStore.VisitEvent, long[]> visitEvents = new HashMap<>();

  RollupBatch(RollupStore store, UserAgents agents, boolean enabled) {
    this.store = store;
    this.agents = agents;
    this.enabled = enabled;
  }

  /**
   * A page view of the visit that started at {@code sessionStart}; {@code source} is asked only for
   * its first page. {@code startsVisit}: the visitor's record took it for the first page of a new
   * visit, which is then written without being looked for first (a hint: a wrong one costs a read).
   */
  public void pageView(long portalId, String utk, long sessionStart, long at, String path, Supplier<Source> source,
      String userAgent, boolean startsVisit) {
    if (enabled) {
      pages.add(new PageHit(portalId, utk, sessionStart, at, path == null || path.isEmpty() ? "/" : path, source,
          userAgent, startsVisit));
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
      Map<SessionRow.Key, List<PageHit>> hits = new LinkedHashMap<>();
      pages.forEach(p -> hits.computeIfAbsent(p.visit(), k -> new ArrayList<>()).add(p));
      Map<SessionRow.Key, Long> newContacts = new HashMap<>();
      contacts.forEach(c -> newContacts.merge(c.session(), 1L, Long::sum));
      Map<SessionRow.Key, SessionRow> started = new HashMap<>();
      hits.forEach((key, visit) -> {
        if (visit.get(0).startsVisit()) {
          started.put(key, after(null, visit, newContacts.getOrDefault(key, 0L)));
        }
      });
      Set<SessionRow.Key> inserted = store.insertSessions(started.values(), now);
      Set<SessionRow.Key> keys = new LinkedHashSet<>(hits.keySet());
      contacts.forEach(c -> keys.add(c.session()));
      visitEvents.keySet().forEach(e -> keys.add(e.session()));
      keys.removeAll(inserted);
      Map<SessionRow.Key, SessionRow> before = store.sessions(keys);
      Set<SessionRow.Key> seen = new HashSet<>(inserted);
      Map<SessionRow.Key, SessionRow> changed = new HashMap<>();
      for (SessionRow.Key key : inserted) {
        buckets.session(started.get(key), 1, true);
      }
      for (SessionRow.Key key : keys) {
        SessionRow old = before.get(key);
        SessionRow row = after(old, hits.getOrDefault(key, List.of()), newContacts.getOrDefault(key, 0L));
        if (row != null) {
          seen.add(key);
          if (!row.equals(old)) {
            changed.put(key, row);
            if (old != null) {
              buckets.session(old, -1, false);
            }
            buckets.session(row, 1, old == null);
          }
        }
      }
      for (PageHit p : pages) {
        buckets.add(p.portalId(), Dimension.ALL, "", p.at(), Buckets.PAGE_VIEWS, 1);
        buckets.add(p.portalId(), Dimension.PAGE, p.path(), p.at(), Buckets.PAGE_VIEWS, 1);
      }
      store.saveSessions(changed.values(), now);
      visitEvents.keySet().removeIf(e -> !seen.contains(e.session())); // no visit seen: counted unfiltered only
      store.addVisitEvents(visitEvents, now);
    }
    store.addBuckets(buckets);
    pages.clear();
    contacts.clear();
    visitEvents.clear();
    buckets.clear();
  }

  /** The visit {@code before} (null: not stored) after the batch's pages and new contacts; null without either. */
  private SessionRow after(SessionRow before, List<PageHit> hits, long newContacts) {
    SessionRow row = before;
    for (PageHit p : hits) {
      row = row == null ? first(p) : row.withPage(p.at(), p.path());
    }
    for (long i = 0; i < newContacts && row != null; i++) {
      row = row.withNewContact();
    }
    return row;
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
