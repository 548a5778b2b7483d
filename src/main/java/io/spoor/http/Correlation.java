package io.spoor.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Gives every request a correlation id, sent back as {@code x-hubspot-correlation-id}. */
final class Correlation {
  static final String HEADER = "x-hubspot-correlation-id";
  private static final String KEY = "spoor.correlationId";

  private Correlation() {
  }

  static void assign(RoutingContext ctx) {
    String id = UUID.randomUUID().toString();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  static String id(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "" : id;
  }
}
