package io.spoor.crm.search;

import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyType;
import java.util.List;

/**
 * Finds the live objects of one type in a portal that match checked, typed criteria. Runs
 * inside the caller's transaction; a count and a page read in one transaction agree. Archived
 * objects never match.
 */
public interface ObjectSearchStore {
  /** How many objects match. */
  long count(long portalId, Criteria criteria);

  /** The ids of one page of matching objects, in the order of {@code sorts}, then by id. */
  List<Long> ids(long portalId, Criteria criteria, List<SortKey> sorts, int limit, int offset);

  /**
   * One filter, checked against the property's definition. {@code values} are canonical: numbers
   * in plain form, dates and datetimes as epoch ms, text as given.
   */
  record Condition(String property, PropertyType type, SearchOperator operator, List<String> values,
      Uniqueness uniqueness) {
    public Condition {
      values = List.copyOf(values);
    }
  }

  /**
   * Whether each value of the property belongs to one live object at most, so a store may find
   * a value's object without reading the others: the type's key (email, domain: stored
   * lowercased), a custom property with unique values (stored as written), or neither.
   */
  enum Uniqueness {
    KEY, CUSTOM, NONE
  }

  /**
   * What an object of {@code type} must match: any of {@code groups} (all conditions of it), when
   * there are groups, and every query term, each the start of a word of a searchable property.
   */
  record Criteria(List<List<Condition>> groups, List<String> terms, List<String> searchable, ObjectType type) {
    public Criteria {
      groups = groups.stream().map(List::copyOf).toList();
      terms = List.copyOf(terms);
      searchable = List.copyOf(searchable);
    }
  }

  /** One sort, by a property of a known type. */
  record SortKey(String property, PropertyType type, boolean descending) {
  }
}
