/**
 * Merging one contact into another ({@code ContactMerge}, {@code POST /crm/v3/objects/contacts/merge}),
 * in one write transaction: values, keys, analytics, events, visitors, external ids and company
 * associations.
 */
package io.spoor.crm.merge;
