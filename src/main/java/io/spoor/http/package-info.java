/**
 * The HTTP edge: server bootstrap and limits, correlation ids, bearer-token authentication
 * through the {@link io.spoor.http.Authenticator} port (the portal feature implements it),
 * the principal and its {@link io.spoor.http.Scope}s, decoded request parameters
 * ({@link io.spoor.http.Param}), rate limits, request metrics, and the one mapper from
 * exceptions to HubSpot's error JSON. Feature packages mount their own routes through
 * {@link io.spoor.http.Routes}; this package depends on no feature package (only on
 * {@code ops}), and knows no feature's rules.
 */
package io.spoor.http;
