package io.spoor.track;

import io.spoor.http.LogSafe;
import io.spoor.crm.ChangeSource;
import io.spoor.crm.ContactChanges;
import io.spoor.crm.ObjectChanges;
import io.spoor.crm.PropertyChange;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyValue;
import io.spoor.crm.PropertyValues;
import io.spoor.ingest.Batch;
import io.spoor.ingest.Hit;
import io.spoor.http.Param;
import io.spoor.ingest.RejectReason;
import io.spoor.portal.Portal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contact (or company) properties carried as plain request parameters: each is checked against
 * the portal's property definitions and set, or rejected on its own with the reason.
 */
public final class PropertyParams {
  private final ObjectChanges changes;
  private final ChangeSource source;
  private final String objectName;

  PropertyParams(ContactChanges changes, ChangeSource source) {
    this(changes, source, "contact");
  }

  /** {@code objectName}: what the changed objects are called in rejections ({@code contact}, {@code company}). */
  public PropertyParams(ObjectChanges changes, ChangeSource source, String objectName) {
    this.changes = changes;
    this.source = source;
    this.objectName = objectName;
  }

  void apply(Portal portal, Hit hit, List<Param> params, List<String> malformed, Optional<Long> contact,
      Batch batch) {
    apply(portal, hit, params, malformed, contact, hit.receivedAt(), batch);
  }

  /**
   * Sets each parameter's property of the object, changed at {@code at}; returns the values set
   * (canonical text, empty for a clear) by name.
   */
  public Map<String, String> apply(Portal portal, Hit hit, List<Param> params, List<String> malformed,
      Optional<Long> contact, long at, Batch batch) {
    Map<String, String> applied = new LinkedHashMap<>();
    for (String name : malformed) {
      batch.reject(hit, RejectReason.MALFORMED_PARAMETER, false,
          "parameter " + shown(name) + " is not valid percent-encoded UTF-8");
    }
    for (Param param : params) {
      String name = param.name();
      if (!PropertyDefinition.NAME.matcher(name).matches()) {
        batch.reject(hit, RejectReason.INVALID_PROPERTY_NAME, false,
            "property names are lowercase letters, digits and _; got " + shown(name));
        continue;
      }
      Optional<PropertyDefinition> definition = changes.definition(portal.hubId(), name);
      if (definition.isEmpty()) {
        batch.reject(hit, RejectReason.UNKNOWN_PROPERTY, false, "no " + objectName + " property named " + name);
      } else if (contact.isEmpty()) {
        batch.reject(hit, RejectReason.NO_CONTACT_FOR_PROPERTIES, false,
            "property " + name + " needs an email or a known id to name the contact");
      } else {
        set(portal, contact.get(), definition.get(), param.value(), hit, at, batch)
            .ifPresent(value -> applied.put(name, value));
      }
    }
    return applied;
  }

  /** The value set (empty text for a clear), or empty when it was refused. */
  private Optional<String> set(Portal portal, long contactId, PropertyDefinition definition, String raw, Hit hit,
      long at, Batch batch) {
    PropertyValue value = PropertyValues.check(definition, raw,
        () -> changes.current(contactId, definition.name()));
    if (value instanceof PropertyValue.Invalid invalid) {
      batch.reject(hit, definition.readOnly() ? RejectReason.READ_ONLY_PROPERTY
          : RejectReason.INVALID_PROPERTY_VALUE, false, invalid.reason());
      return Optional.empty();
    } else {
      Optional<String> stored = value instanceof PropertyValue.Set set ? Optional.of(set.value()) : Optional.empty();
      if (stored.isPresent() && definition.hasUniqueValue() && !definition.hubspotDefined()) {
        Optional<Long> owner = changes.uniqueOwner(portal.hubId(), definition.name(), stored.get(), contactId);
        if (owner.isPresent()) {
          batch.reject(hit, RejectReason.INVALID_PROPERTY_VALUE, false, definition.name() + " has unique values and "
              + shownValue(stored.get()) + " already belongs to " + objectName + " " + owner.get());
          return Optional.empty();
        }
        changes.claimUnique(portal.hubId(), definition.name(), stored.get(), contactId);
      }
      changes.change(contactId, new PropertyChange(definition.name(), stored, at, source));
      return Optional.of(stored.orElse(""));
    }
  }

  private static String shownValue(String value) {
    return "\"" + shown(value) + "\"";
  }

  private static String shown(String name) {
    return LogSafe.text(name, 60);
  }
}
