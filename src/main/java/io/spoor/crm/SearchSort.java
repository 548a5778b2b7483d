package io.spoor.crm;

/** One sort of a search: a property, ascending or descending. */
public record SearchSort(String propertyName, boolean descending) {
}
