package io.spoor.crm;

import io.spoor.crm.ContactStore.NewContact;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact writes of one batch, coalesced. Emails are looked up together up front; a new
 * email gets a reserved id at once (so two hits for it make one contact) and is inserted at
 * {@link #flush()} with every other change: a batch costs a few statements, not a few per hit.
 */
public final class ContactChanges implements Deferred {
  private static final int ID_BLOCK = 64;
  private static final long ABSENT = -1;

  private final ContactStore contacts;
  private final PropertyDefinitionStore definitions;
  private final Map<String, Long> idsByEmail = new HashMap<>();
  private final Map<Long, Map<String, PropertyDefinition>> definitionsByPortal = new HashMap<>();
  private final List<NewContact> created = new ArrayList<>();
  private final Set<Long> createdIds = new HashSet<>();
  private final Map<Long, LinkedHashMap<String, PropertyChange>> changes = new LinkedHashMap<>();
  private final Map<Long, AnalyticsDelta> analytics = new HashMap<>();
  private long nextId;
  private long endOfBlock;

  public ContactChanges(ContactStore contacts, PropertyDefinitionStore definitions) {
    this.contacts = contacts;
    this.definitions = definitions;
  }

  /** Looks up many emails of a portal in one go, so {@link #byEmail} needs no query for them. */
  public void prefetch(long portalId, Collection<String> emails) {
    Map<String, Long> found = contacts.idsByEmail(portalId, emails);
    for (String email : emails) {
      idsByEmail.putIfAbsent(portalId + ":" + email, found.getOrDefault(email, ABSENT));
    }
  }

  /** The id of the portal's contact with this (normalised) email, created if absent. */
  public long byEmail(long portalId, String email, long at, ChangeSource source) {
    String key = portalId + ":" + email;
    Long id = idsByEmail.get(key);
    if (id == null) {
      id = contacts.idsByEmail(portalId, List.of(email)).getOrDefault(email, ABSENT);
    }
    if (id == ABSENT) {
      return create(portalId, Optional.of(email), at, source);
    }
    idsByEmail.put(key, id);
    return id;
  }

  /** A new contact of the portal; its email, if any, must be free (the caller has checked). */
  public long create(long portalId, Optional<String> email, long at, ChangeSource source) {
    long id = newId();
    created.add(new NewContact(id, portalId, email, at));
    createdIds.add(id);
    email.ifPresent(e -> {
      idsByEmail.put(portalId + ":" + e, id);
      change(id, new PropertyChange(ContactProperties.EMAIL, Optional.of(e), at, source));
    });
    return id;
  }

  /** The definition of a contact property of the portal: built-in or custom. */
  public Optional<PropertyDefinition> definition(long portalId, String name) {
    PropertyDefinition builtIn = ContactProperties.builtIn().get(name);
    if (builtIn != null) {
      return Optional.of(builtIn);
    }
    return Optional.ofNullable(definitionsByPortal.computeIfAbsent(portalId, this::customOf).get(name));
  }

  /** The value as it will be after this batch's changes so far. */
  public Optional<String> current(long contactId, String name) {
    PropertyChange pending = changes.getOrDefault(contactId, new LinkedHashMap<>()).get(name);
    if (pending != null) {
      return pending.value();
    }
    if (createdIds.contains(contactId)) {
      return Optional.empty();
    }
    return Optional.ofNullable(contacts.values(List.of(contactId), List.of(name))
        .getOrDefault(contactId, Map.of()).get(name));
  }

  public void change(long contactId, PropertyChange change) {
    changes.computeIfAbsent(contactId, id -> new LinkedHashMap<>()).put(change.name(), change);
  }

  public void addAnalytics(long contactId, AnalyticsDelta delta) {
    analytics.merge(contactId, delta, AnalyticsDelta::plus);
  }

  @Override
  public void flush() {
    contacts.create(created);
    Map<Long, List<PropertyChange>> effective = effective();
    contacts.apply(effective);
    Map<Long, Long> modified = new HashMap<>();
    effective.forEach((id, list) -> {
      if (!createdIds.contains(id)) {
        modified.put(id, list.stream().mapToLong(PropertyChange::at).max().orElseThrow());
      }
    });
    contacts.touch(modified);
    contacts.addAnalytics(analytics);
    created.clear();
    createdIds.clear();
    changes.clear();
    analytics.clear();
  }

  /** Drops changes that would leave a value as it is, so the history records only changes. */
  private Map<Long, List<PropertyChange>> effective() {
    Set<Long> existing = new HashSet<>(changes.keySet());
    existing.removeAll(createdIds);
    Set<String> names = new HashSet<>();
    existing.forEach(id -> names.addAll(changes.get(id).keySet()));
    Map<Long, Map<String, String>> stored = contacts.values(existing, names);
    Map<Long, List<PropertyChange>> effective = new LinkedHashMap<>();
    changes.forEach((id, byName) -> {
      Map<String, String> values = stored.getOrDefault(id, Map.of());
      List<PropertyChange> list = new ArrayList<>();
      for (PropertyChange change : byName.values()) {
        if (!change.value().equals(Optional.ofNullable(values.get(change.name())))) {
          list.add(change);
        }
      }
      if (!list.isEmpty()) {
        effective.put(id, list);
      }
    });
    return effective;
  }

  private long newId() {
    if (nextId == endOfBlock) {
      nextId = contacts.reserveIds(ID_BLOCK);
      endOfBlock = nextId + ID_BLOCK;
    }
    return nextId++;
  }

  private Map<String, PropertyDefinition> customOf(long portalId) {
    Map<String, PropertyDefinition> byName = new HashMap<>();
    definitions.custom(portalId, ObjectType.CONTACT).forEach(d -> byName.put(d.name(), d));
    return byName;
  }
}
