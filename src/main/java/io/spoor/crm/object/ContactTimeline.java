package io.spoor.crm.object;

import io.spoor.crm.Contact;
import io.spoor.events.CompletionStore.CompletedEvent;
import io.spoor.events.CompletionStore;
import io.spoor.identity.PageView;
import io.spoor.identity.VisitorStore;
import io.spoor.store.Transactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A contact's activity, newest first: its event completions and page views, merged. */
public final class ContactTimeline {
  private final Transactor tx;
  private final Contacts contacts;
  private final CompletionStore completions;
  private final VisitorStore visitors;

  public ContactTimeline(Transactor tx, Contacts contacts, CompletionStore completions, VisitorStore visitors) {
    this.tx = tx;
    this.contacts = contacts;
    this.completions = completions;
    this.visitors = visitors;
  }

  /** One page of the timeline; {@code offset} counts entries already shown. */
  public Page page(long portalId, String ref, Optional<String> idProperty, int limit, int offset) {
    Contact contact = contacts.get(portalId, ref, idProperty);
    List<Entry> merged = tx.read(() -> {
      List<Entry> entries = new ArrayList<>();
      completions.forContact(portalId, contact.id(), offset + limit + 1, 0)
          .forEach(e -> entries.add(new Entry(e.occurredAt(), Optional.of(e), Optional.empty())));
      visitors.pageViewsOf(portalId, contact.id(), offset + limit + 1, 0)
          .forEach(p -> entries.add(new Entry(p.at(), Optional.empty(), Optional.of(p))));
      return entries;
    });
    merged.sort(Comparator.comparingLong(Entry::at).reversed());
    List<Entry> page = merged.subList(Math.min(offset, merged.size()), Math.min(offset + limit, merged.size()));
    boolean more = merged.size() > offset + limit;
    return new Page(contact.id(), List.copyOf(page), more ? Optional.of(offset + limit) : Optional.empty());
  }

  /** One thing the contact did: an event completion or a page view. */
  public record Entry(long at, Optional<CompletedEvent> event, Optional<PageView> pageView) {
  }

  /** Entries of one page and where the next one starts. */
  public record Page(long contactId, List<Entry> entries, Optional<Integer> next) {
  }
}
