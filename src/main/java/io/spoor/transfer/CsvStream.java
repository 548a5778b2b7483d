package io.spoor.transfer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a CSV answer page by page: each page is read off the event loop, written as one chunk,
 * and the next is read only once the response can take more (its write queue has drained), so
 * an export of any size holds one page in memory. A failure after the first bytes closes the
 * connection: the download fails instead of ending short.
 */
final class CsvStream {
  private static final Logger LOG = LoggerFactory.getLogger(CsvStream.class);

  private CsvStream() {
  }

  /** The rows of a list, a page at a time. Blocking: called off the event loop. */
  interface Pages {
    /** The page after the cursor (empty: the first page). */
    Page next(Optional<Long> after);
  }

  /** Rows of one page, and the cursor of the next when there is one. */
  record Page(List<List<String>> rows, Optional<Long> next) {
  }

  /** Answers 200 with the header line, then every page; {@code total} (rows expected) goes in X-Total-Count. */
  static void send(RoutingContext ctx, String fileName, long total, List<String> header, Pages pages) {
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .putHeader("X-Total-Count", Long.toString(total))
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.write(Csv.line(header));
    fetch(ctx, pages, Optional.empty());
  }

  private static void fetch(RoutingContext ctx, Pages pages, Optional<Long> after) {
    HttpServerResponse response = ctx.response();
    if (response.closed()) {
      return;
    }
    ctx.vertx().<Page>executeBlocking(() -> pages.next(after), false).onComplete(done -> {
      if (done.failed()) {
        LOG.warn("export failed after its first bytes; closing the connection", done.cause());
        ctx.request().connection().close();
        return;
      }
      Page page = done.result();
      StringBuilder chunk = new StringBuilder();
      page.rows().forEach(row -> chunk.append(Csv.line(row)));
      response.write(Buffer.buffer(chunk.toString()));
      if (page.next().isEmpty()) {
        response.end();
      } else if (response.writeQueueFull()) {
        response.drainHandler(v -> fetch(ctx, pages, page.next()));
      } else {
        fetch(ctx, pages, page.next());
      }
    });
  }
}
