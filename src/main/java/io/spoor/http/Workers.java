package io.spoor.http;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Blocking work leaves the event loop; its answer comes back to the request's event loop. Both
 * run with the request's correlation id in the logging MDC.
 */
final class Workers {
  private Workers() {
  }

  /** Runs blocking domain work on a worker thread, then renders its result on the event loop. */
  static <T> void respond(RoutingContext ctx, Supplier<T> work, BiConsumer<RoutingContext, T> render) {
    ctx.vertx().<T>executeBlocking(Correlation.within(ctx, work)::get, false)
        .onFailure(failure -> Correlation.within(ctx, () -> ctx.fail(failure)))
        .onSuccess(result -> Correlation.within(ctx, () -> {
          try {
            render.accept(ctx, result);
          } catch (RuntimeException e) {
            ctx.fail(e);
          }
        }));
  }

  /**
   * Answers once {@code durable} completes, back on the request's event loop: {@code answer}
   * gets the cause of a failure (unwrapped), or null when it succeeded.
   */
  static void whenDone(RoutingContext ctx, CompletableFuture<?> durable, BiConsumer<RoutingContext, Throwable> answer) {
    Context context = ctx.vertx().getOrCreateContext();
    durable.whenComplete((done, failure) -> {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
          : failure;
      context.runOnContext(v -> Correlation.within(ctx, () -> answer.accept(ctx, cause)));
    });
  }
}
