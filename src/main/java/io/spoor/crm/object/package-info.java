/**
 * The CRM v3 objects API for contacts and companies: reads by id or unique property, lists,
 * value history, create, update, upsert, archive and the batch calls ({@code ObjectReads},
 * {@code ObjectWrites}, with {@code Contacts} and {@code ContactWrites} for contacts), the
 * checks a write's values pass, the v3 association call, the JSON of objects, and Spoor's
 * contact timeline. Writes go through {@code ObjectChanges}, the path the ingest uses.
 */
package io.spoor.crm.object;
