package io.spoor.identity;

import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;

/**
 * The visitor changes of one batch: visitors looked up together, page views counted into
 * visits, identification, and the page views to insert; all written at {@link #flush()}.
 * A visitor tied to a contact that can no longer collect hits (archived or deleted) counts as
 * unidentified until it is identified again; it is then tied to the new contact as a shared
 * browser is, without its earlier history. A visitor the store had no row of is inserted, not
 * upserted: if another processor stored it meanwhile, the batch fails as a conflict and runs
 * again, counting on top of the other's (see {@link VisitorStore#add}).
 */
public final class Visitors implements Deferred {
  private final VisitorStore store;
  private final LiveContacts live;
  private final Set<Key> tiedNow = new HashSet<>();
  private final Map<Key, Optional<Visitor>> known = new LinkedHashMap<>();
  /** The visitors the store had a row of when this batch looked them up. */
  private final Set<Key> stored = new HashSet<>();
  private final Map<Key, Visitor> changed = new LinkedHashMap<>();
  private final List<PageView> pageViews = new ArrayList<>();
  private final List<Visitor> newlyIdentified = new ArrayList<>();

  public Visitors(VisitorStore store, LiveContacts live) {
    this.store = store;
    this.live = live;
  }

  /** Looks up many visitors of a portal at once. */
  public void prefetch(long portalId, Collection<String> utks) {
    Map<String, Visitor> found = store.find(portalId, utks);
    utks.forEach(utk -> known.computeIfAbsent(new Key(portalId, utk), k -> looked(k, found.get(utk))));
  }

  public Optional<Visitor> get(long portalId, String utk) {
    return known.computeIfAbsent(new Key(portalId, utk),
        k -> looked(k, store.find(portalId, List.of(utk)).get(utk)));
  }

  private Optional<Visitor> looked(Key key, Visitor found) {
    if (found != null) {
      stored.add(key);
    }
    return Optional.ofNullable(found);
  }

  /**
   * Ties a visitor to a contact. True when the visitor was anonymous: its history then belongs
   * to the contact. A visitor already tied to another contact (a shared browser) is tied to
   * this one from now on; what it did before stays with the first contact.
   */
  public boolean identify(long portalId, String utk, long contactId, PageView firstPage, Supplier<Source> source) {
    Visitor visitor = get(portalId, utk).orElseGet(() -> Visitor.first(firstPage, source.get()));
    boolean wasAnonymous = visitor.contactId().isEmpty();
    if (!visitor.contactId().equals(Optional.of(contactId))) {
      Visitor tied = visitor.attributedTo(contactId);
      put(tied);
      if (wasAnonymous) {
        newlyIdentified.add(tied);
      }
    }
    tiedNow.add(new Key(portalId, utk));
    return wasAnonymous;
  }

  /**
   * The contact the visitor's hits count for: none while it is anonymous or tied to a contact
   * that was archived or deleted.
   */
  public Optional<Long> contactOf(Visitor visitor) {
    return visitor.contactId().filter(contact -> tiedNow.contains(Key.of(visitor))
        || live.isLive(visitor.portalId(), contact));
  }

  /**
   * Counts a page view into its visitor (created on its first) and keeps it for insertion. A
   * visitor with no page views (its history was erased) starts afresh from this one.
   */
  public Visitor pageView(PageView page, Supplier<Source> sourceIfNew) {
    Visitor before = get(page.portalId(), page.utk())
        .map(v -> v.numPageViews() == 0 ? v.restartedOn(page, sourceIfNew.get()) : v)
        .orElseGet(() -> Visitor.first(page, sourceIfNew.get()));
    Visitor after = before.viewed(page);
    put(after);
    pageViews.add(page.attributedTo(contactOf(after)));
    return after;
  }

  /**
   * A visitor reset (the tracker's {@code resetVisitor}, e.g. at logout) arriving with a token
   * already known: the token loses its contact and its history, which stay with whom they
   * belonged to; its next page view starts it afresh, as a new visitor.
   */
  public void reset(long portalId, String utk) {
    get(portalId, utk).filter(v -> v.contactId().isPresent() || v.numPageViews() > 0)
        .ifPresent(v -> put(v.reset()));
    tiedNow.remove(new Key(portalId, utk));
  }

  public void consent(long portalId, String utk, String decision) {
    get(portalId, utk).ifPresent(v -> put(v.withConsent(decision)));
  }

  /** How many visitors the contact has, counting this batch's new ties. */
  public int visitorsOf(long contactId) {
    return store.visitorsOf(contactId)
        + (int) newlyIdentified.stream().filter(v -> v.contactId().equals(Optional.of(contactId))).count();
  }

  @Override
  public void flush() {
    List<Visitor> existing = new ArrayList<>();
    List<Visitor> added = new ArrayList<>();
    changed.forEach((key, visitor) -> (stored.contains(key) ? existing : added).add(visitor));
    store.save(existing);
    store.add(added);
    changed.keySet().forEach(stored::add);
    store.insertPageViews(pageViews);
    newlyIdentified.forEach(v -> store.attributeAnonymousPageViews(v.portalId(), v.utk(), v.contactId().orElseThrow()));
    changed.clear();
    pageViews.clear();
    newlyIdentified.clear();
    tiedNow.clear();
  }

  private void put(Visitor visitor) {
    Key key = Key.of(visitor);
    known.put(key, Optional.of(visitor));
    changed.put(key, visitor);
  }

  /** A visitor's identity within the batch: its portal and token. */
  private record Key(long portalId, String utk) {
    static Key of(Visitor visitor) {
      return new Key(visitor.portalId(), visitor.utk());
    }
  }
}
