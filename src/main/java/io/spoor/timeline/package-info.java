/**
 * A contact's activity in time: its visits (page views grouped by session, with the session's
 * traffic source), its event completions with their properties, and its identifies (property
 * values set by a hit); for the dashboard's record page and as HubSpot's
 * {@code GET /events/v3/events}. Reads only: what hits write belongs to {@code track},
 * {@code identity} and {@code events}; contacts themselves to {@code crm}.
 */
package io.spoor.timeline;
