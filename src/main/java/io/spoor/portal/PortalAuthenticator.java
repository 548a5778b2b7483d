package io.spoor.portal;

import io.spoor.http.Authenticator;
import io.spoor.http.Principal;
import java.util.Optional;

/** Bearer tokens authenticate against the portal's private-app tokens, held to the portal's limits. */
public final class PortalAuthenticator implements Authenticator {
  private final Portals portals;

  public PortalAuthenticator(Portals portals) {
    this.portals = portals;
  }

  @Override
  public Optional<Grant> authenticate(String token) {
    return portals.authenticate(token).map(access -> new Grant(
        new Principal(access.token().portalId(), access.token().id(), access.token().scopes()),
        access.limits().perSecond(), access.limits().perDay()));
  }
}
