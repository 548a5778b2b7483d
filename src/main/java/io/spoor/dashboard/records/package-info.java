/**
 * The dashboard's contact and company records, their timeline and the event definitions page:
 * {@code /dashboard/api/...} routes under the session cookie ({@code DashboardAuth}), each a thin
 * handler over a CRM, events or timeline domain method, in the portal the session may see. Owns no
 * data: reads and writes go through the features that own them.
 */
package io.spoor.dashboard.records;
