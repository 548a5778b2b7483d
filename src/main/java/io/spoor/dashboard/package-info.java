/**
 * The dashboard's people and its page: accounts (email, BCrypt-hashed password, role, the
 * portals each may see), sign-in sessions held in a cookie, CSRF tokens, the first start's
 * one-time setup link, the browser's JSON API under {@code /dashboard/api/} and the page shell
 * at {@code /}. {@link io.spoor.dashboard.DashboardAuth} is the one session check every
 * dashboard endpoint mounts. Owns the {@code dashboard_*} tables; reads {@code page_view} only
 * to tell whether a portal has hits. The live mode's stream ({@link io.spoor.dashboard.LiveRoutes})
 * hears from {@link io.spoor.dashboard.LiveUpdates}, which wraps the ingest applier, that a
 * portal's batch was applied, and reads nothing. Must not touch bearer tokens: the API keeps those.
 */
package io.spoor.dashboard;
