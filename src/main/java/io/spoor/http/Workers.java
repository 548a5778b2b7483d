package io.spoor.http;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Blocking work leaves the event loop; its answer comes back to the request's event loop. */
final class Workers {
  private Workers() {
  }

  /** Runs blocking domain work on a worker thread, then renders its result on the event loop. */
  static <T> void respond(RoutingContext ctx, Supplier<T> work, BiConsumer<RoutingContext, T> render) {
    ctx.vertx().<T>executeBlocking(work::get, false)
        .onFailure(ctx::fail)
        .onSuccess(result -> {
          try {
            render.accept(ctx, result);
          } catch (RuntimeException e) {
            ctx.fail(e);
          }
        });
  }

  /**
   * Answers once {@code durable} completes, back on the request's event loop: {@code answer}
   * gets the cause of a failure (unwrapped), or null when it succeeded.
   */
  static void whenDone(RoutingContext ctx, CompletableFuture<?> durable, BiConsumer<RoutingContext, Throwable> answer) {
    Context context = ctx.vertx().getOrCreateContext();
    durable.whenComplete((done, failure) -> context.runOnContext(v -> answer.accept(ctx,
        failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure)));
  }
}
