package io.spoor.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Gives every request a correlation id, sent back as {@code x-hubspot-correlation-id} and put
 * in the logging MDC as {@code correlationId} while the request is handled: through its
 * handlers on the event loop, the worker threads its blocking work runs on, and the answer.
 */
final class Correlation {
  static final String HEADER = "x-hubspot-correlation-id";
  /** The MDC key, so the field's name on a JSON log line. */
  static final String MDC_KEY = "correlationId";
  private static final String KEY = "spoor.correlationId";

  private Correlation() {
  }

  static void assign(RoutingContext ctx) {
    String id = newId();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    within(ctx, ctx::next);
  }

  /** Runs a step of the request's handling with its correlation id in the MDC (Vert.x does not carry it). */
  static void within(RoutingContext ctx, Runnable step) {
    within(ctx, () -> {
      step.run();
      return null;
    }).get();
  }

  /** The work, run wherever, with the request's correlation id in the MDC of the thread that runs it. */
  static <T> Supplier<T> within(RoutingContext ctx, Supplier<T> work) {
    String id = ctx.get(KEY);
    if (id == null) {
      return work;
    }
    return () -> {
      String outer = MDC.get(MDC_KEY);
      MDC.put(MDC_KEY, id);
      try {
        return work.get();
      } finally {
        if (outer == null) {
          MDC.remove(MDC_KEY);
        } else {
          MDC.put(MDC_KEY, outer);
        }
      }
    };
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
