package io.spoor.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Gives every request a correlation id, sent back as {@code x-hubspot-correlation-id}. */
final class Correlation {
  static final String HEADER = "x-hubspot-correlation-id";
  private static final String KEY = "spoor.correlationId";

  private Correlation() {
  }

  static void assign(RoutingContext ctx) {
    String id = newId();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  /** A random UUID without SecureRandom's cost: correlation ids need to be unique, not secret. */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
        random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L).toString();
  }

  static String id(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "" : id;
  }
}
