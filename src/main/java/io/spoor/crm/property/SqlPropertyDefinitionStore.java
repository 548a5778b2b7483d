package io.spoor.crm.property;

import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.store.Database;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link PropertyDefinitionStore} in portable SQL; options are kept as a JSON array. */
public final class SqlPropertyDefinitionStore implements PropertyDefinitionStore {
  private final Database db;
  private final Clock clock;

  public SqlPropertyDefinitionStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<PropertyDefinition> custom(long portalId, ObjectType type) {
    return db.handle().createQuery("SELECT * FROM property_definition "
            + "WHERE portal_id = :portal AND object_type = :type AND NOT archived ORDER BY name")
        .bind("portal", portalId).bind("type", type.name())
        .map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public boolean create(long portalId, ObjectType type, PropertyDefinition d) {
    long now = clock.millis();
    return db.handle().createUpdate("INSERT INTO property_definition (portal_id, object_type, name, "
            + "label, type, field_type, group_name, description, options, has_unique_value, hidden, "
            + "created_at, updated_at, archived) VALUES (:portal, :objectType, :name, :label, :type, "
            + ":fieldType, :group, :description, :options, :unique, :hidden, :now, :now, FALSE) "
            + "ON CONFLICT (portal_id, object_type, name) DO NOTHING")
        .bind("portal", portalId).bind("objectType", type.name()).bind("name", d.name())
        .bind("label", d.label()).bind("type", d.type().wireName()).bind("fieldType", d.fieldType())
        .bind("group", d.groupName()).bind("description", d.description())
        .bind("options", options(d.options()).encode()).bind("unique", d.hasUniqueValue())
        .bind("hidden", d.hidden()).bind("now", now).execute() == 1;
  }

  @Override
  public boolean update(long portalId, ObjectType type, PropertyDefinition d) {
    return db.handle().createUpdate("UPDATE property_definition SET label = :label, type = :type, "
            + "field_type = :fieldType, group_name = :group, description = :description, options = :options, "
            + "hidden = :hidden, updated_at = :now WHERE portal_id = :portal AND object_type = :objectType "
            + "AND name = :name AND NOT archived")
        .bind("portal", portalId).bind("objectType", type.name()).bind("name", d.name())
        .bind("label", d.label()).bind("type", d.type().wireName()).bind("fieldType", d.fieldType())
        .bind("group", d.groupName()).bind("description", d.description())
        .bind("options", options(d.options()).encode()).bind("hidden", d.hidden()).bind("now", clock.millis())
        .execute() == 1;
  }

  @Override
  public boolean archive(long portalId, ObjectType type, String name) {
    boolean archived = db.handle().createUpdate("UPDATE property_definition SET archived = TRUE, updated_at = :now "
            + "WHERE portal_id = :portal AND object_type = :objectType AND name = :name AND NOT archived")
        .bind("portal", portalId).bind("objectType", type.name()).bind("name", name).bind("now", clock.millis())
        .execute() == 1;
    if (archived) {
      // an archived property identifies nothing: its values are free for whatever takes the name; a name
      // with no live custom definition (the type's key among them) is not touched
      db.handle().createUpdate("DELETE FROM unique_value WHERE portal_id = :portal AND object_type = :objectType "
          + "AND name = :name").bind("portal", portalId).bind("objectType", type.name()).bind("name", name).execute();
    }
    return archived;
  }

  private static JsonArray options(List<PropertyDefinition.Option> options) {
    JsonArray array = new JsonArray();
    options.forEach(o -> array.add(new JsonObject().put("label", o.label()).put("value", o.value())
        .put("displayOrder", o.displayOrder()).put("hidden", o.hidden())));
    return array;
  }

  private static PropertyDefinition map(ResultSet rs) throws SQLException {
    List<PropertyDefinition.Option> options = new ArrayList<>();
    for (Object o : new JsonArray(rs.getString("options"))) {
      JsonObject option = (JsonObject) o;
      options.add(new PropertyDefinition.Option(option.getString("label"), option.getString("value"),
          option.getInteger("displayOrder", 0), option.getBoolean("hidden", false)));
    }
    return new PropertyDefinition(rs.getString("name"), rs.getString("label"),
        PropertyType.fromWireName(rs.getString("type")).orElse(PropertyType.STRING),
        rs.getString("field_type"), rs.getString("group_name"), rs.getString("description"),
        options, rs.getBoolean("has_unique_value"), rs.getBoolean("hidden"), false, false);
  }
}
