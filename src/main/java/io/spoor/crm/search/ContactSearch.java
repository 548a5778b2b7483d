package io.spoor.crm.search;

import io.spoor.InvalidInputException;
import io.spoor.crm.Contact;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.ContactStore;
import io.spoor.crm.EpochMillis;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import io.spoor.crm.PropertyType;
import io.spoor.crm.PropertyValues;
import io.spoor.crm.object.ContactView;
import io.spoor.crm.object.ObjectView;
import io.spoor.crm.object.PropertyReader;
import io.spoor.crm.search.ContactSearchStore.Condition;
import io.spoor.crm.search.ContactSearchStore.Criteria;
import io.spoor.crm.search.ContactSearchStore.SortKey;
import io.spoor.crm.search.ContactSearchStore.Uniqueness;
import io.spoor.store.Transactor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HubSpot's contact search: every property named is checked against the portal's catalog
 * (built-in and custom), every value against the property's type, before any SQL runs. The
 * total and the page are read in one snapshot.
 */
public final class ContactSearch {
  /** The properties a free-text {@code query} looks in, as HubSpot's default searchable ones. */
  public static final List<String> SEARCHABLE = List.of(ContactProperties.EMAIL, ContactProperties.FIRSTNAME,
      ContactProperties.LASTNAME, "phone", "company");

  private final Transactor tx;
  private final ContactStore contacts;
  private final ContactSearchStore store;
  private final PropertyDefinitionStore definitions;

  public ContactSearch(Transactor tx, ContactStore contacts, ContactSearchStore store,
      PropertyDefinitionStore definitions) {
    this.tx = tx;
    this.contacts = contacts;
    this.store = store;
    this.definitions = definitions;
  }

  public Page search(long portalId, ContactSearchQuery query) {
    return tx.read(() -> {
      Map<String, PropertyDefinition> catalog = catalog(portalId);
      Criteria criteria = new Criteria(query.groups().stream().map(group -> group.stream()
          .map(filter -> condition(filter, catalog)).toList()).toList(), terms(query.query()), SEARCHABLE);
      List<SortKey> sorts = query.sorts().stream().map(sort -> new SortKey(sort.propertyName(),
          definition(sort.propertyName(), catalog).type(), sort.descending())).toList();
      long total = store.count(portalId, criteria);
      List<Long> ids = query.offset() < total
          ? store.ids(portalId, criteria, sorts, query.limit(), query.offset()) : List.of();
      Map<Long, Contact> found = contacts.findAll(portalId, ids);
      List<Contact> results = ids.stream().map(found::get).filter(Objects::nonNull).toList();
      int end = query.offset() + query.limit();
      Optional<Integer> next = end < total && end < ContactSearchQuery.MAX_RESULTS ? Optional.of(end)
          : Optional.empty();
      return new Page(total, results, next,
          ObjectView.withCustom(ContactView::value, definitions.custom(portalId, ObjectType.CONTACT)));
    });
  }

  private Map<String, PropertyDefinition> catalog(long portalId) {
    Map<String, PropertyDefinition> catalog = new HashMap<>(ContactProperties.builtIn());
    definitions.custom(portalId, ObjectType.CONTACT).forEach(d -> catalog.putIfAbsent(d.name(), d));
    return catalog;
  }

  private static PropertyDefinition definition(String name, Map<String, PropertyDefinition> catalog) {
    PropertyDefinition definition = catalog.get(name);
    if (definition == null) {
      throw new InvalidInputException("Property " + name + " does not exist on contacts",
          Map.of("propertyName", List.of(name)));
    }
    return definition;
  }

  private static Condition condition(SearchFilter filter, Map<String, PropertyDefinition> catalog) {
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

  private static Uniqueness uniqueness(PropertyDefinition definition) {
    if (definition.name().equals(ObjectType.CONTACT.key().property())) {
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
  public record Page(long total, List<Contact> results, Optional<Integer> next, PropertyReader<Contact> reader) {
  }
}
