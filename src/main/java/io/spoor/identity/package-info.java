/**
 * Who a visitor is and where they came from, as pure functions over values.
 *
 * <p>Owns the tracking-cookie formats ({@code __hstc}, {@code __hssc}) and the session
 * roll-over rule, the cookie domain hash, and the classification of a session's first
 * page and referrer into a contact's original traffic source.
 *
 * <p>Nothing here does I/O: no HTTP, no database, no clock. Callers pass the current time
 * in epoch milliseconds. Parsing never throws on untrusted input; malformed values come
 * back as {@link java.util.Optional#empty()}. Storing visitors, resolving emails to
 * contacts and writing contact properties belong to other packages.
 */
package io.spoor.identity;
