/**
 * Who a visitor is and where they came from.
 *
 * <p>The tracking-cookie formats ({@code __hstc}, {@code __hssc}) with the session roll-over
 * rule, the cookie domain hash, and the classification of a session's first page and referrer
 * into a contact's original traffic source are pure functions over values: no HTTP, no
 * database, no clock (callers pass epoch milliseconds). Parsing never throws on untrusted
 * input; malformed values come back as {@link java.util.Optional#empty()}. The browser tracker
 * ({@code io/spoor/track/tracker.js}) implements the same cookie rules and must stay in step.
 *
 * <p>Links between external ids and contacts live behind {@code ExternalIdStore}. Writing
 * contact properties belongs to the CRM; parsing requests to the tracking endpoints.
 */
package io.spoor.identity;
