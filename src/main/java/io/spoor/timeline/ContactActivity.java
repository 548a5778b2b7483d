package io.spoor.timeline;

import io.spoor.InvalidInputException;
import io.spoor.crm.Contact;
import io.spoor.crm.object.Contacts;
import io.spoor.store.Transactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A contact's activity, newest first, two ways: as occurrences (each page view and each event
 * completion one item, paged by position, HubSpot's event occurrences), and as a timeline
 * (page views folded into their visits, events, identifies) for the dashboard's record page.
 */
public final class ContactActivity {
  /** HubSpot's name for a page view among event types. */
  public static final String PAGE_VIEW_TYPE = "e_visited_page";
  /** How far paging reaches: an occurrence page ends at most this many items from the newest. */
  public static final int MAX_DEPTH = 10_000;

  private static final Comparator<Activity> NEWEST_FIRST = Comparator.comparingLong(Activity::at).reversed()
      .thenComparing(Comparator.comparingLong(ContactActivity::tieBreak).reversed());

  private final Transactor tx;
  private final Contacts contacts;
  private final ActivityStore store;

  public ContactActivity(Transactor tx, Contacts contacts, ActivityStore store) {
    this.tx = tx;
    this.contacts = contacts;
    this.store = store;
  }

  /** The portal's contact named by {@code ref} (its id, or with {@code idProperty} e.g. its email); 404 if none. */
  public Contact contact(long portalId, String ref, Optional<String> idProperty) {
    return contacts.get(portalId, ref, idProperty);
  }

  /**
   * Items {@code offset} to {@code offset + limit} of the contact's page views and completions
   * in the window, newest first; {@code eventType} keeps only page views ({@value #PAGE_VIEW_TYPE})
   * or only completions of the event so named. A contact the portal does not have has none.
   */
  public Occurrences occurrences(long portalId, long contactId, Optional<String> eventType, Window window, int limit,
      int offset) {
    if (offset < 0 || limit < 1 || (long) offset + limit > MAX_DEPTH) {
      throw new InvalidInputException("after and limit reach at most " + MAX_DEPTH + " occurrences in");
    }
    int fetch = offset + limit + 1;
    boolean pages = eventType.isEmpty() || eventType.get().equals(PAGE_VIEW_TYPE);
    boolean events = eventType.isEmpty() || !eventType.get().equals(PAGE_VIEW_TYPE);
    List<Activity> merged = tx.read(() -> {
      List<Activity> all = new ArrayList<>();
      if (pages) {
        all.addAll(store.pageViews(portalId, contactId, window, fetch));
      }
      if (events) {
        all.addAll(store.completions(portalId, contactId, window, eventType, fetch));
      }
      return all;
    });
    merged.sort(NEWEST_FIRST);
    List<Activity> page = merged.subList(Math.min(offset, merged.size()), Math.min(offset + limit, merged.size()));
    Optional<Integer> next = merged.size() > offset + limit && offset + limit < MAX_DEPTH
        ? Optional.of(offset + limit) : Optional.empty();
    return new Occurrences(contactId, List.copyOf(page), next);
  }

  /**
   * The contact's newest {@code limit} items of the kinds asked for, newest first, page views
   * folded into the visits they belong to; {@code more} says older items were left out.
   */
  public Timeline timeline(long portalId, long contactId, Set<Activity.Kind> kinds, int limit) {
    if (limit < 1 || limit > MAX_DEPTH) {
      throw new InvalidInputException("limit must be from 1 to " + MAX_DEPTH);
    }
    Set<Activity.Kind> asked = kinds.isEmpty() ? EnumSet.allOf(Activity.Kind.class) : EnumSet.copyOf(kinds);
    List<Activity> merged = tx.read(() -> {
      List<Activity> all = new ArrayList<>();
      if (asked.contains(Activity.Kind.PAGE_VIEW)) {
        all.addAll(store.pageViews(portalId, contactId, Window.ALL, limit + 1));
      }
      if (asked.contains(Activity.Kind.EVENT)) {
        all.addAll(store.completions(portalId, contactId, Window.ALL, Optional.empty(), limit + 1));
      }
      if (asked.contains(Activity.Kind.IDENTIFY)) {
        all.addAll(store.identifies(contactId, Window.ALL, limit + 1));
      }
      return all;
    });
    merged.sort(NEWEST_FIRST);
    boolean more = merged.size() > limit;
    return new Timeline(Visit.fold(merged.subList(0, Math.min(limit, merged.size()))), more);
  }

  private static long tieBreak(Activity a) {
    if (a instanceof Activity.PageVisit p) {
      return p.id();
    }
    return a instanceof Activity.EventDone e ? e.id() : 0;
  }

  /** One page of occurrences and where the next one starts. */
  public record Occurrences(long contactId, List<Activity> results, Optional<Integer> next) {
  }

  /** The timeline's items, newest first, and whether older ones were left out. */
  public record Timeline(List<TimelineItem> items, boolean more) {
    public Timeline {
      items = List.copyOf(items);
    }
  }
}
