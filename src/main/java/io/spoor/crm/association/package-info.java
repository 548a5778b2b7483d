/**
 * Associating objects of a portal ({@code Associations}) and the CRM v4 associations API
 * ({@code /crm/v4/objects/…/associations}). Both ends must be live objects of the caller's portal.
 */
package io.spoor.crm.association;
