package io.spoor.crm;

import java.util.List;

/** Custom (portal-defined) property definitions. Runs inside the caller's transaction. */
public interface PropertyDefinitionStore {
  List<PropertyDefinition> custom(long portalId, ObjectType type);

  /** Adds a definition; false when the name is taken. */
  boolean create(long portalId, ObjectType type, PropertyDefinition definition);
}
