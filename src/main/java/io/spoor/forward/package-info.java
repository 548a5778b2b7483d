/**
 * Forwarding to a real HubSpot: the calls applied hits map to, queued durably per portal and
 * delivered to the portal's forwarding target within HubSpot's limits.
 */
package io.spoor.forward;
