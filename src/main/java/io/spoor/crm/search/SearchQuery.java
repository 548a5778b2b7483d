package io.spoor.crm.search;

import io.spoor.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CRM search as HubSpot takes it: filter groups (any group may match; every filter of a
 * group must), sorts, a free-text query, the properties to return, and a page. HubSpot's
 * limits hold: {@value #MAX_GROUPS} groups of {@value #MAX_FILTERS_PER_GROUP} filters,
 * {@value #MAX_FILTERS} filters in all, pages of {@value #MAX_LIMIT}, and no further than
 * {@value #MAX_RESULTS} results in.
 *
 * @param offset where the page starts: the {@code after} cursor of the previous page
 */
record SearchQuery(List<List<SearchFilter>> groups, List<SearchSort> sorts, Optional<String> query,
    Set<String> properties, int limit, int offset) {
  public static final int MAX_GROUPS = 5;
  public static final int MAX_FILTERS_PER_GROUP = 6;
  public static final int MAX_FILTERS = 18;
  public static final int MAX_LIMIT = 200;
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_RESULTS = 10_000;
  public static final int MAX_QUERY_LENGTH = 3_000;

  public SearchQuery {
    groups = groups.stream().map(List::copyOf).toList();
    sorts = List.copyOf(sorts);
    properties = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(properties));
    if (groups.size() > MAX_GROUPS) {
      throw new InvalidInputException("A search takes at most " + MAX_GROUPS + " filterGroups, got " + groups.size());
    }
    for (List<SearchFilter> group : groups) {
      if (group.isEmpty() || group.size() > MAX_FILTERS_PER_GROUP) {
        throw new InvalidInputException("Each filter group takes 1 to " + MAX_FILTERS_PER_GROUP + " filters, got "
            + group.size());
      }
    }
    int filters = groups.stream().mapToInt(List::size).sum();
    if (filters > MAX_FILTERS) {
      throw new InvalidInputException("A search takes at most " + MAX_FILTERS + " filters in all, got " + filters);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0 || offset >= MAX_RESULTS) {
      throw new InvalidInputException("after must be from 0 to " + (MAX_RESULTS - 1)
          + ": a search pages through at most " + MAX_RESULTS + " results");
    }
    if (query.isPresent() && query.get().length() > MAX_QUERY_LENGTH) {
      throw new InvalidInputException("query is longer than " + MAX_QUERY_LENGTH + " characters");
    }
  }
}
