package io.spoor.crm;

import java.util.List;

/** Custom (portal-defined) property definitions. Runs inside the caller's transaction. */
public interface PropertyDefinitionStore {
  List<PropertyDefinition> custom(long portalId, ObjectType type);

  /** Adds a definition; false when the name is taken (archived names included). */
  boolean create(long portalId, ObjectType type, PropertyDefinition definition);

  /** Replaces a live custom definition; false when there is none with that name. */
  boolean update(long portalId, ObjectType type, PropertyDefinition definition);

  /** Archives a live custom definition; false when there is none with that name. */
  boolean archive(long portalId, ObjectType type, String name);
}
