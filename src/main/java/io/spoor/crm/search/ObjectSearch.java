package io.spoor.crm.search;

import io.spoor.InvalidInputException;
import io.spoor.crm.CompanyProperties;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.CrmObject;
import io.spoor.crm.EpochMillis;
import io.spoor.crm.ObjectStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.crm.PropertyValues;
import io.spoor.crm.object.ObjectView;
import io.spoor.crm.object.PropertyReader;
import io.spoor.crm.search.ObjectSearchStore.Condition;
import io.spoor.crm.search.ObjectSearchStore.Criteria;
import io.spoor.crm.search.ObjectSearchStore.SortKey;
import io.spoor.crm.search.ObjectSearchStore.Uniqueness;
import io.spoor.store.Transactor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HubSpot's CRM search for objects of one type: every property named is checked against the
 * portal's catalog of the type (built-in and custom), every value against the property's type,
 * before any SQL runs. The total and the page are read in one snapshot.
 */
public final class ObjectSearch<T extends CrmObject> {
  /** The contact properties a free-text {@code query} looks in, as HubSpot's default searchable ones. */
  public static final List<String> CONTACTS_SEARCHABLE = List.of(ContactProperties.EMAIL,
      ContactProperties.FIRSTNAME, ContactProperties.LASTNAME, "phone", "company");
  /** The company properties a free-text {@code query} looks in, as HubSpot's default searchable ones. */
  public static final List<String> COMPANIES_SEARCHABLE = List.of(CompanyProperties.NAME, CompanyProperties.DOMAIN,
      "website", "phone");

  private final Transactor tx;
  private final ObjectStore<T> objects;
  private final ObjectType type;
  private final PropertyReader<T> reader;
  private final List<String> searchable;
  private final ObjectSearchStore store;
  private final PropertyDefinitionStore definitions;

  /** Searches {@code objects}, of {@code type}, shown by {@code reader}; a query looks in {@code searchable}. */
  public ObjectSearch(Transactor tx, ObjectStore<T> objects, ObjectType type, PropertyReader<T> reader,
      List<String> searchable, ObjectSearchStore store, PropertyDefinitionStore definitions) {
    this.tx = tx;
    this.objects = objects;
    this.type = type;
    this.reader = reader;
    this.searchable = List.copyOf(searchable);
    this.store = store;
    this.definitions = definitions;
  }

  public ObjectType type() {
    return type;
  }

  public Page<T> search(long portalId, SearchQuery query) {
    return tx.read(() -> {
      Map<String, PropertyDefinition> catalog = catalog(portalId);
      Criteria criteria = new Criteria(query.groups().stream().map(group -> group.stream()
          .map(filter -> condition(filter, catalog)).toList()).toList(), terms(query.query()), searchable, type);
      List<SortKey> sorts = query.sorts().stream().map(sort -> new SortKey(sort.propertyName(),
          definition(sort.propertyName(), catalog).type(), sort.descending())).toList();
      long total = store.count(portalId, criteria);
      List<Long> ids = query.offset() < total
          ? store.ids(portalId, criteria, sorts, query.limit(), query.offset()) : List.of();
      Map<Long, T> found = objects.findAll(portalId, ids);
      List<T> results = ids.stream().map(found::get).filter(Objects::nonNull).toList();
      int end = query.offset() + query.limit();
      Optional<Integer> next = end < total && end < SearchQuery.MAX_RESULTS ? Optional.of(end)
          : Optional.empty();
      return new Page<>(total, results, next, ObjectView.withCustom(reader, definitions.custom(portalId, type)));
    });
  }

  private Map<String, PropertyDefinition> catalog(long portalId) {
    Map<String, PropertyDefinition> catalog = new HashMap<>(type.builtIn());
    definitions.custom(portalId, type).forEach(d -> catalog.putIfAbsent(d.name(), d));
    return catalog;
  }

  private PropertyDefinition definition(String name, Map<String, PropertyDefinition> catalog) {
    PropertyDefinition definition = catalog.get(name);
    if (definition == null) {
      throw new InvalidInputException("Property " + name + " does not exist on " + type.plural(),
          Map.of("propertyName", List.of(name)));
    }
    return definition;
  }

  private Condition condition(SearchFilter filter, Map<String, PropertyDefinition> catalog) {
    PropertyDefinition definition = definition(filter.propertyName(), catalog);
    PropertyType type = definition.type();
    if (filter.operator().byToken()) {
      if (type != PropertyType.STRING && type != PropertyType.ENUMERATION) {
        throw new InvalidInputException(filter.operator() + " matches words of text; " + filter.propertyName()
            + " is a " + type.wireName() + " property");
      }
      if (filter.values().get(0).isBlank()) {
        throw new InvalidInputException(filter.operator() + " on " + filter.propertyName() + " needs a word");
      }
      return new Condition(filter.propertyName(), type, filter.operator(), filter.values(), Uniqueness.NONE);
    }
    return new Condition(filter.propertyName(), type, filter.operator(),
        filter.values().stream().map(value -> canonical(filter.propertyName(), type, value)).toList(),
        uniqueness(definition));
  }

  private Uniqueness uniqueness(PropertyDefinition definition) {
    if (definition.name().equals(type.key().property())) {
      return Uniqueness.KEY;
    }
    return definition.hasUniqueValue() && !definition.hubspotDefined() ? Uniqueness.CUSTOM : Uniqueness.NONE;
  }

  /** A filter value in the form stored values of the type are compared in. */
  static String canonical(String property, PropertyType type, String raw) {
    switch (type) {
      case NUMBER:
        return PropertyValues.number(raw).orElseThrow(() -> new InvalidInputException(
            property + " is a number property; " + quote(raw) + " is not a number"));
      case DATE:
      case DATETIME:
        return Long.toString(EpochMillis.parse(raw.trim()).orElseThrow(() -> new InvalidInputException(
            property + " is a " + type.wireName() + " property; " + quote(raw)
                + " is neither epoch milliseconds nor an ISO-8601 date or instant")));
      default:
        return raw;
    }
  }


  private static List<String> terms(Optional<String> query) {
    return query.map(q -> Arrays.stream(q.trim().split("\\s+")).filter(t -> !SearchColumns.words(t).isBlank())
        .toList()).orElse(List.of());
  }

  private static String quote(String raw) {
    return "\"" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "\"";
  }

  /** One page of results, the number of all matches, where the next page starts, and how its values show. */
  public record Page<T extends CrmObject>(long total, List<T> results, Optional<Integer> next,
      PropertyReader<T> reader) {
  }
}
