package io.spoor.http;

import java.util.function.BiFunction;

/**
 * Where a feature mounts its routes and who may call them: the API's (under {@code /api/v1}, a
 * bearer token with each route's scope) or another door's, such as the dashboard's (its own base,
 * one guard whatever the scope). A feature given two mounts serves the same handlers at both.
 */
public record Mount(String base, BiFunction<Http, Scope, Guard> guards) {
  /** The API: {@code /api/v1}, bearer tokens. */
  public static Mount api() {
    return new Mount("/api/v1", Guard::bearer);
  }

  /** Under {@code base}, behind {@code guard} for every route. */
  public static Mount at(String base, Guard guard) {
    return new Mount(base, (http, scope) -> guard);
  }

  /** The guard of a route that needs {@code scope} on the API. */
  public Guard guard(Http http, Scope scope) {
    return guards.apply(http, scope);
  }
}
