package io.spoor.crm;

import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.ContactStore.HistoryEntry;
import io.spoor.store.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading contacts by id or by a unique property, as the CRM API names them; listing; value history. */
public final class Contacts {
  /** HubSpot's sourceType for values Spoor computes (object id, dates, analytics). */
  static final String CALCULATED = "CALCULATED";

  private final Transactor tx;
  private final ContactStore store;
  private final Clock clock;

  public Contacts(Transactor tx, ContactStore store) {
    this(tx, store, Clock.systemUTC());
  }

  public Contacts(Transactor tx, ContactStore store, Clock clock) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The portal's contact named by {@code ref}: its object id, or with {@code idProperty} the
   * value of that unique property ({@code email} or {@code hs_object_id}).
   */
  public Contact get(long portalId, String ref, Optional<String> idProperty) {
    return tx.read(() -> ContactRefs.resolve(store, portalId, ref, idProperty).flatMap(id -> store.find(portalId, id)))
        .orElseThrow(() -> new NotFoundException("Object not found.  objectId are usually numeric.", ref));
  }

  /** The live contacts {@code refs} name, in their order; the missing ones in one OBJECT_NOT_FOUND error. */
  public BatchResult<Contact> readAll(long portalId, List<String> refs, Optional<String> idProperty) {
    ContactWrites.checkSize(refs);
    Instant started = Instant.ofEpochMilli(clock.millis());
    List<Contact> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    tx.read(() -> {
      for (String ref : new LinkedHashSet<>(refs)) {
        ContactRefs.resolve(store, portalId, ref, idProperty).flatMap(id -> store.find(portalId, id))
            .ifPresentOrElse(found::add, () -> missing.add(ref));
      }
      return null;
    });
    List<InputError> errors = missing.isEmpty() ? List.of() : List.of(InputError.notFound(missing));
    return new BatchResult<>(found, errors, started, Instant.ofEpochMilli(clock.millis()));
  }

  /** One page of the portal's contacts in id order, from the cursor {@code after} (an id) on. */
  public Page list(long portalId, Optional<String> after, int limit) {
    long from = after.map(Contacts::cursor).orElse(0L);
    List<Contact> contacts = tx.read(() -> store.page(portalId, from, limit + 1));
    if (contacts.size() <= limit) {
      return new Page(contacts, Optional.empty());
    }
    return new Page(contacts.subList(0, limit), Optional.of(contacts.get(limit).id()));
  }

  /**
   * The changes of each named property, newest first, values shown as reads show them.
   * Computed properties have one {@value #CALCULATED} entry with their value now.
   */
  public Map<String, List<HistoryEntry>> history(Contact contact, Collection<String> names) {
    List<HistoryEntry> stored = tx.read(() -> store.history(contact.id(), names));
    Map<String, List<HistoryEntry>> byName = new LinkedHashMap<>();
    names.forEach(name -> byName.put(name, new ArrayList<>()));
    for (HistoryEntry e : stored) {
      byName.get(e.name()).add(new HistoryEntry(e.name(), ContactView.display(e.name(), e.value()), e.at(),
          e.sourceType(), e.sourceId()));
    }
    byName.forEach((name, entries) -> {
      PropertyDefinition definition = ContactProperties.builtIn().get(name);
      if (definition != null && definition.readOnly()) {
        Instant at = name.equals(ContactProperties.OBJECT_ID) || name.equals(ContactProperties.CREATEDATE)
            ? contact.createdAt() : contact.updatedAt();
        ContactView.value(contact, name).ifPresent(value -> entries.add(new HistoryEntry(name, value,
            at.toEpochMilli(), CALCULATED, Optional.empty())));
      }
    });
    return byName;
  }

  private static long cursor(String after) {
    if (!after.trim().matches("\\d{1,18}")) {
      throw new InvalidInputException("after must be the cursor from paging.next.after, was " + after);
    }
    return Long.parseLong(after.trim());
  }

  /** Contacts of one page, and the cursor of the next when there is one. */
  public record Page(List<Contact> results, Optional<Long> next) {
  }
}
