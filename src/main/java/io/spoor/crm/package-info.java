/**
 * CRM objects: contacts (and, later, companies), their property definitions and typed
 * values, the value history, and the read-only analytics properties hits add to. Owns the
 * {@code crm_object}, {@code object_property}, {@code property_history}, {@code unique_value},
 * {@code property_definition} and {@code contact_analytics} tables. Knows nothing of HTTP
 * beacons or the ingest queue: callers hand it validated changes.
 */
package io.spoor.crm;
