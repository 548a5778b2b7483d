package io.spoor.transfer;

import io.spoor.TooLargeException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * Streams a request body to a file with the request's back-pressure, refusing it (413) as soon
 * as it passes {@code maxBytes}, declared or not; the partial file is deleted. The request must
 * have been paused before any handler that waits (see {@link #pausing}).
 */
final class Upload {
  private Upload() {
  }

  /**
   * Put first on an upload route: holds the body until {@link #toFile} reads it. A request answered
   * before its body was all read (refused by the guard, a check or a limit) has the rest read and
   * dropped, up to {@code drainBytes}, so that a client still sending gets the answer and the
   * connection serves its next request; past that bound the connection is closed and {@code cut} runs.
   */
  static Handler<RoutingContext> pausing(long drainBytes, Runnable cut) {
    return ctx -> {
      HttpServerRequest request = ctx.request();
      request.pause();
      ctx.addEndHandler(v -> {
        if (!request.isEnded()) {
          drain(request, drainBytes, cut);
        }
      });
      ctx.next();
    };
  }

  private static void drain(HttpServerRequest request, long drainBytes, Runnable cut) {
    if (drainBytes == 0) {
      cut.run();
      request.connection().close();
      return;
    }
    long[] dropped = {0};
    request.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > drainBytes) {
        request.handler(null);
        cut.run();
        request.connection().close();
      }
    });
    request.resume();
  }

  /** Completes with the bytes written once the whole body is in {@code file}. */
  static Future<Long> toFile(RoutingContext ctx, Path file, long maxBytes) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBytes) {
      return Future.failedFuture(tooLarge(maxBytes));
    }
    Promise<Long> done = Promise.promise();
    var fs = ctx.vertx().fileSystem();
    fs.open(file.toString(), new OpenOptions().setWrite(true).setCreateNew(true)).onFailure(done::fail)
        .onSuccess(out -> copy(request, out, maxBytes, done));
    return done.future().onFailure(e -> fs.delete(file.toString()));
  }

  private static void copy(HttpServerRequest request, AsyncFile out, long maxBytes, Promise<Long> done) {
    long[] bytes = {0};
    request.handler(chunk -> {
      if (bytes[0] > maxBytes) {
        return;
      }
      bytes[0] += chunk.length();
      if (bytes[0] > maxBytes) {
        out.close();
        done.tryFail(tooLarge(maxBytes));
        return;
      }
      out.write(chunk);
      if (out.writeQueueFull()) {
        request.pause();
        out.drainHandler(v -> request.resume());
      }
    });
    request.exceptionHandler(e -> out.close().onComplete(c -> done.tryFail(e)));
    request.endHandler(v -> {
      if (bytes[0] <= maxBytes) {
        out.close().onSuccess(c -> done.tryComplete(bytes[0])).onFailure(done::tryFail);
      }
    });
    request.resume();
  }

  private static TooLargeException tooLarge(long maxBytes) {
    return new TooLargeException("The file is larger than " + maxBytes + " bytes; an import takes at most that "
        + "(--import-max-bytes)");
  }
}
