package io.spoor.crm.property;

import io.spoor.ConflictException;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.store.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The properties of an object type in a portal: HubSpot's built-ins (read-only definitions)
 * and the portal's custom ones, which can be created, changed and archived.
 */
public final class PropertyCatalog {
  private static final Map<PropertyType, Set<String>> FIELD_TYPES = Map.of(
      PropertyType.STRING, Set.of("text", "textarea", "phonenumber", "html", "file"),
      PropertyType.NUMBER, Set.of("number", "calculation_equation"),
      PropertyType.DATE, Set.of("date"),
      PropertyType.DATETIME, Set.of("date"),
      PropertyType.ENUMERATION, Set.of("select", "radio", "checkbox", "booleancheckbox"),
      PropertyType.BOOL, Set.of("booleancheckbox"));

  private final Transactor tx;
  private final PropertyDefinitionStore store;

  public PropertyCatalog(Transactor tx, PropertyDefinitionStore store) {
    this.tx = tx;
    this.store = store;
  }

  public List<PropertyDefinition> list(long portalId, ObjectType type) {
    List<PropertyDefinition> all = new ArrayList<>(type.builtIn().values());
    all.addAll(tx.read(() -> store.custom(portalId, type)));
    return all;
  }

  public PropertyDefinition get(long portalId, ObjectType type, String name) {
    return find(portalId, type, name).orElseThrow(() -> new NotFoundException("No property named " + name, name));
  }

  public PropertyDefinition create(long portalId, ObjectType type, PropertyDefinition definition) {
    check(definition);
    return tx.inTransaction(() -> {
      if (type.builtIn().containsKey(definition.name()) || !store.create(portalId, type, definition)) {
        throw new ConflictException("A property named " + definition.name() + " already exists");
      }
      return definition;
    });
  }

  public PropertyDefinition update(long portalId, ObjectType type, PropertyDefinition definition) {
    check(definition);
    refuseBuiltIn(type, definition.name());
    return tx.inTransaction(() -> {
      if (!store.update(portalId, type, definition)) {
        throw new NotFoundException("No property named " + definition.name(), definition.name());
      }
      return definition;
    });
  }

  public void archive(long portalId, ObjectType type, String name) {
    refuseBuiltIn(type, name);
    tx.inTransaction(() -> {
      if (!store.archive(portalId, type, name)) {
        throw new NotFoundException("No property named " + name, name);
      }
    });
  }

  private Optional<PropertyDefinition> find(long portalId, ObjectType type, String name) {
    PropertyDefinition builtIn = type.builtIn().get(name);
    if (builtIn != null) {
      return Optional.of(builtIn);
    }
    return tx.read(() -> store.custom(portalId, type)).stream().filter(d -> d.name().equals(name)).findFirst();
  }

  private static void refuseBuiltIn(ObjectType type, String name) {
    if (type.builtIn().containsKey(name)) {
      throw new InvalidInputException(name + " is defined by HubSpot and cannot be changed or archived");
    }
  }

  private static void check(PropertyDefinition d) {
    if (!FIELD_TYPES.get(d.type()).contains(d.fieldType())) {
      throw new InvalidInputException("fieldType " + d.fieldType() + " does not fit type " + d.type().wireName()
          + "; use one of " + FIELD_TYPES.get(d.type()));
    }
    if (d.type() == PropertyType.ENUMERATION && d.options().isEmpty()) {
      throw new InvalidInputException("an enumeration property needs options");
    }
  }
}
