package io.spoor.http;

import io.spoor.SpoorException;

/** The token lacks a scope the call needs: answered 403 MISSING_SCOPES. */
public final class MissingScopeException extends SpoorException {
  private final Scope scope;

  public MissingScopeException(Scope scope) {
    super("This app hasn't been granted all required scopes to make this call. "
        + "Read more about required scopes here: https://developers.hubspot.com/scopes.");
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }
}
