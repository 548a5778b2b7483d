package io.spoor.crm;

import io.spoor.events.CompletionStore;
import io.spoor.events.CompletionStore.CompletedEvent;
import io.spoor.store.Transactor;
import java.util.List;
import java.util.Optional;

/** A contact's activity, newest first: its event completions (page views join later). */
public final class ContactTimeline {
  private final Transactor tx;
  private final Contacts contacts;
  private final CompletionStore completions;

  public ContactTimeline(Transactor tx, Contacts contacts, CompletionStore completions) {
    this.tx = tx;
    this.contacts = contacts;
    this.completions = completions;
  }

  /** One page of the timeline; {@code offset} counts entries already shown. */
  public Page page(long portalId, String ref, Optional<String> idProperty, int limit, int offset) {
    Contact contact = contacts.get(portalId, ref, idProperty);
    List<CompletedEvent> events = tx.read(() -> completions.forContact(portalId, contact.id(), limit + 1, offset));
    boolean more = events.size() > limit;
    return new Page(contact.id(), more ? events.subList(0, limit) : events,
        more ? Optional.of(offset + limit) : Optional.empty());
  }

  /** Entries of one page and where the next one starts. */
  public record Page(long contactId, List<CompletedEvent> events, Optional<Integer> next) {
  }
}
