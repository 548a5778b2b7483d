/**
 * CRM objects: contacts and companies, their property definitions and typed values, the value
 * history, the read-only analytics properties hits add to, and the associations between
 * objects. The generic pieces ({@code Object*}, {@code SqlObjectStore}) serve every type; the
 * contact ones add the analytics and keep the names the ingest uses. Owns the
 * {@code crm_object}, {@code object_property}, {@code property_history}, {@code unique_value},
 * {@code property_definition} and {@code crm_association} tables; a contact's analytics are
 * columns of its {@code crm_object} row.
 * Knows nothing of HTTP beacons or the ingest queue: callers hand it validated changes.
 */
package io.spoor.crm;
