package io.spoor.http;

import java.util.Set;

/** Who a request authenticated as: a token of one portal, with its scopes. */
public record Principal(long portalId, long tokenId, Set<Scope> scopes) {
  public Principal {
    scopes = Set.copyOf(scopes);
  }
}
