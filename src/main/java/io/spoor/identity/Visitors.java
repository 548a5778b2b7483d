package io.spoor.identity;

import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The visitor changes of one batch: visitors looked up together, page views counted into
 * visits, identification, and the page views to insert; all written at {@link #flush()}.
 */
public final class Visitors implements Deferred {
  private final VisitorStore store;
  private final Map<String, Optional<Visitor>> known = new LinkedHashMap<>();
  private final Map<String, Visitor> changed = new LinkedHashMap<>();
  private final List<PageView> pageViews = new ArrayList<>();
  private final List<Visitor> newlyIdentified = new ArrayList<>();

  public Visitors(VisitorStore store) {
    this.store = store;
  }

  /** Looks up many visitors of a portal at once. */
  public void prefetch(long portalId, Collection<String> utks) {
    Map<String, Visitor> found = store.find(portalId, utks);
    utks.forEach(utk -> known.putIfAbsent(portalId + ":" + utk, Optional.ofNullable(found.get(utk))));
  }

  public Optional<Visitor> get(long portalId, String utk) {
    return known.computeIfAbsent(portalId + ":" + utk,
        k -> Optional.ofNullable(store.find(portalId, List.of(utk)).get(utk)));
  }

  /**
   * Ties a visitor to a contact. True when the visitor was anonymous: its history then belongs
   * to the contact. A visitor already tied to another contact (a shared browser) is tied to
   * this one from now on; what it did before stays with the first contact.
   */
  public boolean identify(long portalId, String utk, long contactId, PageView firstPage, Source source) {
    Visitor visitor = get(portalId, utk).orElseGet(() -> Visitor.first(firstPage, source));
    boolean wasAnonymous = visitor.contactId().isEmpty();
    if (!visitor.contactId().equals(Optional.of(contactId))) {
      Visitor tied = visitor.attributedTo(contactId);
      put(tied);
      if (wasAnonymous) {
        newlyIdentified.add(tied);
      }
    }
    return wasAnonymous;
  }

  /** Counts a page view into its visitor (created on its first) and keeps it for insertion. */
  public Visitor pageView(PageView page, Source sourceIfNew) {
    Visitor before = get(page.portalId(), page.utk()).orElseGet(() -> Visitor.first(page, sourceIfNew));
    Visitor after = before.viewed(page);
    put(after);
    pageViews.add(page.attributedTo(after.contactId()));
    return after;
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
    store.save(changed.values());
    store.insertPageViews(pageViews);
    newlyIdentified.forEach(v -> store.attributeAnonymousPageViews(v.portalId(), v.utk(), v.contactId().orElseThrow()));
    changed.clear();
    pageViews.clear();
    newlyIdentified.clear();
  }

  private void put(Visitor visitor) {
    String key = visitor.portalId() + ":" + visitor.utk();
    known.put(key, Optional.of(visitor));
    changed.put(key, visitor);
  }
}
