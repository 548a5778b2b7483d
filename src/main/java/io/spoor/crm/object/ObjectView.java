package io.spoor.crm.object;

import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyType;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A CRM object in the v3 shape: every value a string (or null when unset), datetimes as
 * ISO-8601, dates as yyyy-MM-dd, the object id and dates filled from the record.
 */
public final class ObjectView {
  private ObjectView() {
  }

  public static <T extends CrmObject> JsonObject render(T object, Collection<String> names, PropertyReader<T> reader) {
    JsonObject properties = new JsonObject();
    for (String name : names) {
      properties.put(name, reader.value(object, name).orElse(null));
    }
    return new JsonObject().put("id", Long.toString(object.id())).put("properties", properties)
        .put("createdAt", object.createdAt().toString()).put("updatedAt", object.updatedAt().toString())
        .put("archived", object.archived());
  }

  /** What every type shows: the object id, its dates, and the stored values. */
  public static Optional<String> value(ObjectType type, CrmObject object, String name) {
    if (name.equals(ObjectType.OBJECT_ID)) {
      return Optional.of(Long.toString(object.id()));
    }
    if (name.equals(ObjectType.CREATEDATE)) {
      return Optional.of(object.createdAt().toString());
    }
    if (name.equals(type.lastModified())) {
      return Optional.of(object.updatedAt().toString());
    }
    return Optional.ofNullable(object.properties().get(name)).map(raw -> display(type, name, raw));
  }

  /** A reader for types that show nothing beyond {@link #value}. */
  public static <T extends CrmObject> PropertyReader<T> reader(ObjectType type) {
    return (object, name) -> value(type, object, name);
  }

  /**
   * A reader that also shows the portal's custom dates and datetimes in ISO form; {@code custom}
   * are the portal's custom definitions of the type.
   */
  public static <T extends CrmObject> PropertyReader<T> withCustom(PropertyReader<T> base,
      Collection<PropertyDefinition> custom) {
    Map<String, PropertyDefinition> dated = new HashMap<>();
    custom.stream().filter(d -> d.type() == PropertyType.DATE || d.type() == PropertyType.DATETIME)
        .forEach(d -> dated.putIfAbsent(d.name(), d));
    if (dated.isEmpty()) {
      return base;
    }
    return (object, name) -> {
      PropertyDefinition definition = dated.get(name);
      Optional<String> value = base.value(object, name);
      return definition == null ? value : value.map(raw -> display(definition, raw));
    };
  }

  /** A stored (canonical) value as the API shows it: built-in dates and datetimes in ISO form. */
  static String display(ObjectType type, String name, String raw) {
    PropertyDefinition definition = type.builtIn().get(name);
    return definition == null ? raw : display(definition, raw);
  }

  /** A stored (canonical) value of a property as the API shows it: dates and datetimes in ISO form. */
  static String display(PropertyDefinition definition, String raw) {
    boolean dated = definition.type() == PropertyType.DATE || definition.type() == PropertyType.DATETIME;
    if (!dated || !raw.matches("-?\\d{1,18}")) {
      return raw;
    }
    if (definition.type() == PropertyType.DATETIME) {
      return Instant.ofEpochMilli(Long.parseLong(raw)).toString();
    }
    if (definition.type() == PropertyType.DATE) {
      return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(raw)), ZoneOffset.UTC).toString();
    }
    return raw;
  }
}
