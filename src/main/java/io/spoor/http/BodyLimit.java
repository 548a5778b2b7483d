package io.spoor.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * Reads the request body, answering 413 past the limit. Form bodies are refused with 415
 * before they are read: no endpoint takes them, and the form decoder would otherwise fail on
 * a long field with an unexpected error.
 */
final class BodyLimit implements Handler<RoutingContext> {
  private final BodyHandler body;

  BodyLimit(int maxBodyBytes) {
    this.body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (lower.contains("multipart/") || lower.contains("application/x-www-form-urlencoded")) {
      ctx.fail(new UnsupportedContentTypeException());
      return;
    }
    body.handle(ctx);
  }
}
