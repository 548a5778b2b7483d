package io.spoor.crm.search;

/** One sort of a search: a property, ascending or descending. */
record SearchSort(String propertyName, boolean descending) {
}
