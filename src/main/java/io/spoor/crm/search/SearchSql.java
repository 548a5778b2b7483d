package io.spoor.crm.search;

import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyType;
import io.spoor.crm.search.ObjectSearchStore.Condition;
import io.spoor.crm.search.ObjectSearchStore.Criteria;
import io.spoor.crm.search.ObjectSearchStore.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The WHERE and ORDER BY of one search, over {@code crm_object o}, in a query that binds
 * {@code :portal} and {@code :type}. Every value and property name is a bound parameter; the SQL
 * text comes only from this class and {@link SearchColumns}. Values compare by the property's type:
 * numbers as decimals, dates and datetimes as epoch ms, everything else as lowercased text.
 * Filters on unique values narrow the contacts read through {@link UniqueLookup}.
 */
final class SearchSql {
  private static final String DECIMAL = "DECIMAL(38,12)";
  /** Not a backslash: the SQL parser of Jdbi reads {@code '\'} as an open literal. */
  private static final String ESCAPE = " ESCAPE '" + SearchColumns.LIKE_ESCAPE + "'";

  private final Map<String, Object> binds = new LinkedHashMap<>();
  private final ObjectType type;

  /** The SQL of a search for objects of {@code type}. */
  SearchSql(ObjectType type) {
    this.type = type;
  }

  /** The parameters of the fragments made so far, by name. */
  Map<String, Object> binds() {
    return binds;
  }

  /** {@code AND …} conditions to append to a WHERE clause; empty when the criteria match every contact. */
  String where(Criteria criteria) {
    StringBuilder where = new StringBuilder();
    if (!criteria.groups().isEmpty()) {
      where.append(lookup(criteria.groups()));
      where.append(" AND (").append(criteria.groups().stream().map(this::group)
          .collect(Collectors.joining(" OR "))).append(')');
    }
    if (!criteria.terms().isEmpty()) {
      String names = criteria.searchable().stream().map(this::bind).collect(Collectors.joining(", "));
      for (String term : criteria.terms()) {
        where.append(" AND EXISTS (SELECT 1 FROM object_property p WHERE p.object_id = o.id AND p.name IN (")
            .append(names).append(") AND ").append(SearchColumns.wordsSql("p.value")).append(" LIKE LOWER(")
            .append(bind(SearchColumns.prefixPattern(term))).append(')').append(ESCAPE).append(')');
      }
    }
    return where.toString();
  }

  /** The sort keys, unset values last, then the id. */
  String orderBy(List<SortKey> sorts) {
    StringBuilder order = new StringBuilder();
    for (SortKey sort : sorts) {
      Optional<SearchColumns.Column> column = SearchColumns.computed(type, sort.property());
      String value = column.isPresent() ? typed(column.get().expression(), sort.type(), true)
          : "(SELECT " + typed("p.value", sort.type(), false) + " FROM object_property p WHERE p.object_id = o.id "
              + "AND p.name = " + bind(sort.property()) + ")";
      order.append("CASE WHEN ").append(value).append(" IS NULL THEN 1 ELSE 0 END, ").append(value)
          .append(sort.descending() ? " DESC, " : " ASC, ");
    }
    return order.append("o.id ASC").toString();
  }

  /**
   * When every group has an {@code EQ} or {@code IN} filter on a property with unique values,
   * {@code AND o.id IN (…)} the contacts {@code unique_value} names for one such filter of each
   * group (the one with the fewest ranges), so only they are read; the groups are still checked
   * on each. Otherwise nothing: a group without one can match any contact.
   */
  private String lookup(List<List<Condition>> groups) {
    List<Map.Entry<Condition, List<UniqueLookup.Range>>> chosen = new ArrayList<>();
    for (List<Condition> group : groups) {
      Optional<Map.Entry<Condition, List<UniqueLookup.Range>>> best = group.stream()
          .flatMap(c -> UniqueLookup.ranges(c).map(r -> Map.entry(c, r)).stream())
          .min(Comparator.comparingInt(e -> e.getValue().size()));
      if (best.isEmpty()) {
        return "";
      }
      chosen.add(best.get());
    }
    List<String> selects = new ArrayList<>();
    for (Map.Entry<Condition, List<UniqueLookup.Range>> lookup : chosen) {
      String ranges = lookup.getValue().stream().map(r -> "(" + bind(r.low()) + ", " + bind(r.high()) + ")")
          .collect(Collectors.joining(", "));
      selects.add("SELECT u.object_id FROM (VALUES " + ranges + ") r JOIN unique_value u "
          + "ON u.value BETWEEN r.column1 AND r.column2 WHERE u.portal_id = :portal AND u.object_type = :type "
          + "AND u.name = " + bind(lookup.getKey().property()));
    }
    return " AND o.id IN (" + String.join(" UNION ", selects) + ")";
  }

  private String group(List<Condition> group) {
    return group.stream().map(this::condition).collect(Collectors.joining(" AND ", "(", ")"));
  }

  private String condition(Condition c) {
    Optional<SearchColumns.Column> column = SearchColumns.computed(type, c.property());
    if (column.isPresent()) {
      return predicate(c, column.get().expression(), column.get().decimals(), true);
    }
    String stored = "SELECT 1 FROM object_property p WHERE p.object_id = o.id AND p.name = " + bind(c.property());
    return switch (c.operator()) {
      case HAS_PROPERTY -> "EXISTS (" + stored + ")";
      case NOT_HAS_PROPERTY -> "NOT EXISTS (" + stored + ")";
      default -> "EXISTS (" + stored + " AND " + predicate(c, "p.value", 0, false) + ")";
    };
  }

  private String predicate(Condition c, String column, int decimals, boolean computed) {
    if (c.operator().byToken()) {
      String like = c.operator() == SearchOperator.CONTAINS_TOKEN ? " LIKE " : " NOT LIKE ";
      return SearchColumns.wordsSql(column) + like + "LOWER(" + bind(SearchColumns.tokenPattern(c.values().get(0)))
          + ")" + ESCAPE;
    }
    String value = typed(column, c.type(), computed);
    List<String> params = c.values().stream().map(v -> param(v, c.type(), decimals)).toList();
    return switch (c.operator()) {
      case HAS_PROPERTY -> column + " IS NOT NULL";
      case NOT_HAS_PROPERTY -> column + " IS NULL";
      case EQ -> value + " = " + params.get(0);
      case NEQ -> value + " <> " + params.get(0);
      case LT -> value + " < " + params.get(0);
      case LTE -> value + " <= " + params.get(0);
      case GT -> value + " > " + params.get(0);
      case GTE -> value + " >= " + params.get(0);
      case BETWEEN -> value + " >= " + params.get(0) + " AND " + value + " <= " + params.get(1);
      case IN -> value + " IN (" + String.join(", ", params) + ")";
      case NOT_IN -> value + " NOT IN (" + String.join(", ", params) + ")";
      default -> throw new IllegalStateException("no predicate for " + c.operator());
    };
  }

  /** A column as its type compares: stored values are text, computed columns are typed already. */
  private static String typed(String column, PropertyType type, boolean computed) {
    return switch (type) {
      case NUMBER -> computed ? column : "CAST(" + column + " AS " + DECIMAL + ")";
      case DATE, DATETIME -> computed ? column : "CAST(" + column + " AS BIGINT)";
      default -> "LOWER(" + column + ")";
    };
  }

  private String param(String canonical, PropertyType type, int decimals) {
    return switch (type) {
      case NUMBER -> "CAST(" + bind(new BigDecimal(canonical).movePointRight(decimals).toPlainString()) + " AS "
          + DECIMAL + ")";
      case DATE, DATETIME -> bind(Long.parseLong(canonical));
      default -> "LOWER(" + bind(canonical) + ")";
    };
  }

  private String bind(Object value) {
    String name = "v" + binds.size();
    binds.put(name, value);
    return ":" + name;
  }
}
