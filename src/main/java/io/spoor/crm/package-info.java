/**
 * The CRM's shared model and ports: contacts and companies ({@code CrmObject}, {@code ObjectType}),
 * their built-in property definitions and typed values ({@code ContactProperties},
 * {@code PropertyValues}, {@code Emails}, {@code Domains}, {@code EpochMillis}), a contact's
 * {@code Analytics} (one value, one rule for adding), the store ports ({@code ObjectStore},
 * {@code ContactStore}, {@code AssociationStore}, {@code PropertyDefinitionStore}) with their SQL,
 * and the per-batch writes the ingest makes ({@code ContactChanges}). Owns the {@code crm_object},
 * {@code object_property}, {@code property_history}, {@code unique_value} and
 * {@code crm_association} tables; a contact's analytics are columns of its {@code crm_object} row.
 * Uses none of its sub-packages ({@code property}, {@code object}, {@code association},
 * {@code search}, {@code merge}, {@code gdpr}, {@code legacy}), which each expose a facade and
 * their routes. Knows nothing of beacons or the ingest queue: callers hand it validated changes.
 */
package io.spoor.crm;
