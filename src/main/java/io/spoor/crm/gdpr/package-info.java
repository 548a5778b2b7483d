/**
 * HubSpot's GDPR delete ({@code GdprDelete}, {@code POST /crm/v3/objects/contacts/gdpr-delete}):
 * a contact and every contact merged into it erased for good, with what names them in the
 * rejection list.
 */
package io.spoor.crm.gdpr;
