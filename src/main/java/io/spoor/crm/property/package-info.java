/**
 * The CRM v3 properties API ({@code /crm/v3/properties/…}): the catalogue of built-in and
 * custom property definitions ({@code PropertyCatalog}), their routes and JSON, and the SQL of
 * the {@code property_definition} table.
 */
package io.spoor.crm.property;
