/**
 * The HTTP edge: server bootstrap and limits, correlation ids, bearer-token authentication
 * and scopes, request metrics, and the one mapper from exceptions to HubSpot's error JSON.
 * Feature packages mount their own routes through {@link io.spoor.http.Routes}; this package
 * knows no feature's rules.
 */
package io.spoor.http;
