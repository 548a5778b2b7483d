package io.spoor.http;

import io.spoor.InvalidInputException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON in and out: the request body read as one object, and answers written as JSON. */
final class JsonExchange {
  private JsonExchange() {
  }

  /**
   * The request body as a JSON object; refuses other content types, malformed JSON, JSON that
   * is not an object, and numbers too large for a double ({@code 1e400}).
   */
  static JsonObject body(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
      throw new UnsupportedContentTypeException();
    }
    return object(ctx.body().buffer());
  }

  /** Bytes as a JSON object, refused as {@link #body} refuses them (the content type aside). */
  static JsonObject object(Buffer bytes) {
    Object body = bytes == null || bytes.length() == 0 ? null : Json.decodeValue(bytes);
    if (body == null) {
      throw new InvalidInputException("Invalid input JSON: the body is empty");
    }
    if (!(body instanceof JsonObject object)) {
      throw new InvalidInputException("Invalid input JSON: the body must be a JSON object");
    }
    if (!finite(object)) {
      throw new InvalidInputException("Invalid input JSON: a number is out of range");
    }
    return object;
  }

  /** Answers with a JSON body (a {@code JsonObject} or {@code JsonArray}). */
  static void answer(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
        .end(body.toString());
  }

  /** False when a number anywhere in the value overflowed to infinity; iterative, as bodies nest deeply. */
  private static boolean finite(Object value) {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(value);
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      if (next instanceof Double d && !Double.isFinite(d) || next instanceof Float f && !Float.isFinite(f)) {
        return false;
      }
      if (next instanceof JsonObject object) {
        pending.push(object.getMap());
      } else if (next instanceof JsonArray array) {
        pending.push(array.getList());
      } else if (next instanceof Map<?, ?> map) {
        map.values().forEach(v -> pending.push(v == null ? "" : v));
      } else if (next instanceof List<?> list) {
        list.forEach(v -> pending.push(v == null ? "" : v));
      }
    }
    return true;
  }
}
