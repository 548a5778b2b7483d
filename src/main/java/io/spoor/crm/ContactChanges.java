package io.spoor.crm;

import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact writes of one batch, coalesced: contacts are found or created by email at once
 * (so two hits for a new email make one contact), while property changes and analytics are
 * gathered per contact and written once at {@link #flush()}.
 */
public final class ContactChanges implements Deferred {
  private final ContactStore contacts;
  private final PropertyDefinitionStore definitions;
  private final Map<String, Long> idsByEmail = new HashMap<>();
  private final Map<Long, Map<String, PropertyDefinition>> definitionsByPortal = new HashMap<>();
  private final Map<Long, LinkedHashMap<String, PropertyChange>> changes = new LinkedHashMap<>();
  private final Map<Long, AnalyticsDelta> analytics = new HashMap<>();

  public ContactChanges(ContactStore contacts, PropertyDefinitionStore definitions) {
    this.contacts = contacts;
    this.definitions = definitions;
  }

  /** The id of the portal's contact with this (normalised) email, created if absent. */
  public long byEmail(long portalId, String email, long at, ChangeSource source) {
    String key = portalId + ":" + email;
    Long id = idsByEmail.get(key);
    if (id == null) {
      id = contacts.idsByEmail(portalId, List.of(email)).get(email);
      if (id == null) {
        id = contacts.create(portalId, email, at, source);
      }
      idsByEmail.put(key, id);
    }
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
    return Optional.ofNullable(contacts.values(contactId, List.of(name)).get(name));
  }

  public void change(long contactId, PropertyChange change) {
    changes.computeIfAbsent(contactId, id -> new LinkedHashMap<>()).put(change.name(), change);
  }

  public void addAnalytics(long contactId, AnalyticsDelta delta) {
    analytics.merge(contactId, delta, AnalyticsDelta::plus);
  }

  @Override
  public void flush() {
    changes.forEach((id, byName) -> contacts.apply(id, effective(id, byName)));
    contacts.addAnalytics(analytics);
    changes.clear();
    analytics.clear();
  }

  /** Drops changes that would leave a value as it is, so the history records only changes. */
  private List<PropertyChange> effective(long contactId, Map<String, PropertyChange> byName) {
    Map<String, String> stored = contacts.values(contactId, byName.keySet());
    List<PropertyChange> effective = new ArrayList<>();
    for (PropertyChange change : byName.values()) {
      if (!change.value().equals(Optional.ofNullable(stored.get(change.name())))) {
        effective.add(change);
      }
    }
    return effective;
  }

  private Map<String, PropertyDefinition> customOf(long portalId) {
    Map<String, PropertyDefinition> byName = new HashMap<>();
    definitions.custom(portalId, ObjectType.CONTACT).forEach(d -> byName.put(d.name(), d));
    return byName;
  }
}
