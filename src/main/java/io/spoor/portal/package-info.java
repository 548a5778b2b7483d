/**
 * Portals (HubSpot "hubs", identified by hub id), their settings, and the private-app
 * tokens that reach them. Owns the {@code portal} and {@code access_token} tables. Tokens are
 * stored only as SHA-256 hashes; the clear value is shown once, at creation. Implements
 * {@code http}'s authenticator port ({@link io.spoor.portal.PortalAuthenticator}).
 */
package io.spoor.portal;
