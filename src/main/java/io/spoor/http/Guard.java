package io.spoor.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may call a feature's routes, and which portal a call is about. The API's guard admits a
 * bearer token with the route's scope; the dashboard's admits a signed-in session (reads) or an
 * admin's session with its CSRF token (changes). A feature mounts its handlers once per guard,
 * so both doors reach the same domain methods.
 */
public interface Guard {
  /** Put before a handler that only reads. */
  Handler<RoutingContext> reads();

  /** Put before a handler that changes something. */
  Handler<RoutingContext> changes();

  /** The portal the admitted call is about; call only behind {@link #reads} or {@link #changes}. */
  long portal(RoutingContext ctx);

  /** The API's guard: a bearer token carrying {@code scope}, for reads and changes alike. */
  static Guard bearer(Http http, Scope scope) {
    Handler<RoutingContext> requires = http.requires(scope);
    return new Guard() {
      @Override
      public Handler<RoutingContext> reads() {
        return requires;
      }

      @Override
      public Handler<RoutingContext> changes() {
        return requires;
      }

      @Override
      public long portal(RoutingContext ctx) {
        return Http.principal(ctx).portalId();
      }
    };
  }
}
