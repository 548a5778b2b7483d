package io.spoor.http;

import io.spoor.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * HubSpot's cursor paging of a list: {@code limit} (how many) and {@code after} (the cursor
 * {@code paging.next.after} gave: the id of the previous page's last item; results follow in
 * id order). Stores are asked for {@code limit + 1} items, so the extra one tells that more
 * follow without a count.
 */
public record Paging(int limit, long after) {
  /** Spoor's own admin lists: 100 a page unless asked, at most 1,000 (as the rejection list). */
  public static final int ADMIN_DEFAULT = 100;
  public static final int ADMIN_MAX = 1_000;

  public Paging {
    if (limit < 1 || after < 0) {
      throw new IllegalArgumentException("limit must be 1 or more and after 0 or more");
    }
  }

  /** The request's paging; a bad {@code limit} or {@code after} is a 400 naming it. */
  public static Paging of(RoutingContext ctx, int fallback, int max) {
    return new Paging(number(ctx, "limit", fallback, 1, max), number(ctx, "after", 0, 0, Long.MAX_VALUE));
  }

  /** How many items to ask the store for. */
  public int fetch() {
    return limit + 1;
  }

  /**
   * {@code body} with {@code results} (at most {@code limit} of {@code items}, rendered) and,
   * when {@code items} holds more, {@code paging.next} with the cursor and a link to the next page.
   */
  public <T> JsonObject render(RoutingContext ctx, Http http, JsonObject body, List<T> items, ToLongFunction<T> id,
      Function<T, JsonObject> render) {
    JsonArray results = new JsonArray();
    items.stream().limit(limit).forEach(item -> results.add(render.apply(item)));
    body.put("results", results);
    if (items.size() > limit) {
      String next = Long.toString(id.applyAsLong(items.get(limit - 1)));
      body.put("paging", new JsonObject().put("next", new JsonObject().put("after", next).put("link", link(ctx, http, next))));
    }
    return body;
  }

  /** The same request from the cursor on, as an absolute URL (on the public URL when one is set). */
  public static String link(RoutingContext ctx, Http http, String after) {
    String uri = http.absoluteUri(ctx);
    int query = uri.indexOf('?');
    StringBuilder link = new StringBuilder(query < 0 ? uri : uri.substring(0, query)).append("?after=").append(after);
    ctx.queryParams().forEach(e -> {
      if (!e.getKey().equals("after")) {
        link.append('&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      }
    });
    return link.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException(name + " must be a whole number from " + min + " to " + max);
  }

  /** A whole-number query parameter from {@code min} to {@code max}; absent, the fallback; else a 400 naming it. */
  public static int number(RoutingContext ctx, String name, int fallback, int min, int max) {
    return (int) number(ctx, name, (long) fallback, min, (long) max);
  }
}
