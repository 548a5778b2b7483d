package io.spoor.transfer;

import io.spoor.TooLargeException;
import io.vertx.core.Future;
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
 * have been paused before any handler that waits (see {@link #pause}).
 */
final class Upload {
  private Upload() {
  }

  /** Put first on an upload route: holds the body until {@link #toFile} reads it. */
  static void pause(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    // answered before its body was read (refused by the guard or a check): the paused, unread body
    // would hold up the next request on this connection, so what is left of it is read and dropped
    ctx.addEndHandler(v -> {
      if (!request.isEnded()) {
        request.handler(null);
        request.resume();
      }
    });
    ctx.next();
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
