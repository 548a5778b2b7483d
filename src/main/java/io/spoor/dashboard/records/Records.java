package io.spoor.dashboard.records;

import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.object.ObjectReads;
import io.spoor.crm.object.PropertyReader;
import io.spoor.crm.property.PropertyCatalog;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records of one object type as the dashboard shows them: every property with its history, and what is linked. */
final class Records<T extends CrmObject> {
  /** Linked records shown on a record page at most. */
  static final int MAX_LINKED = 100;

  private final ObjectReads<T> reads;
  private final PropertyCatalog catalog;

  Records(ObjectReads<T> reads, PropertyCatalog catalog) {
    this.reads = reads;
    this.catalog = catalog;
  }

  ObjectType type() {
    return reads.type();
  }

  /** The portal's object by id (404 if none), every visible property, the history of each, and the linked objects. */
  <L extends CrmObject> Shown<T, L> read(long portalId, String id, Records<L> linked) {
    T object = reads.get(portalId, id, Optional.empty());
    List<PropertyDefinition> definitions = catalog.list(portalId, type()).stream().filter(d -> !d.hidden()).toList();
    Map<String, List<HistoryEntry>> history = reads.history(object,
        definitions.stream().map(PropertyDefinition::name).toList());
    List<Long> ids = reads.associated(portalId, List.of(object.id()), List.of(linked.type()))
        .getOrDefault(object.id(), Map.of()).getOrDefault(linked.type(), List.of());
    List<L> others = ids.isEmpty() ? List.of() : linked.reads.readAll(portalId,
        ids.stream().limit(MAX_LINKED).map(String::valueOf).toList(), Optional.empty()).results();
    return new Shown<>(object, reads.reader(portalId), definitions, history, others, linked.reads.reader(),
        ids.size());
  }

  /** The portal's definitions of the type, hidden ones left out. */
  List<PropertyDefinition> definitions(long portalId) {
    return catalog.list(portalId, type()).stream().filter(d -> !d.hidden()).toList();
  }

  /**
   * A record as read: the object shown by {@code reader}, its properties' definitions and history,
   * and the first linked objects of {@code linkedCount}.
   */
  record Shown<T extends CrmObject, L extends CrmObject>(T object, PropertyReader<T> reader,
      Collection<PropertyDefinition> definitions, Map<String, List<HistoryEntry>> history, List<L> linked,
      PropertyReader<L> linkedReader, int linkedCount) {
  }
}
