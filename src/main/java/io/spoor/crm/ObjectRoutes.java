package io.spoor.crm;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.portal.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object of a type at a time: {@code POST}, {@code PATCH}, {@code DELETE}, the list, and
 * the v3 association call Segment makes ({@code PUT …/{id}/associations/{toType}/{toId}/{type}}).
 */
final class ObjectRoutes<T extends CrmObject> implements Routes {
  private final ObjectReads<T> reads;
  private final ObjectWrites<T> writes;
  private final String path;
  private final Scope readScope;
  private final Scope writeScope;

  ObjectRoutes(ObjectReads<T> reads, ObjectWrites<T> writes) {
    this.reads = reads;
    this.writes = writes;
    this.path = path(reads.type());
    this.readScope = scope(reads.type(), false);
    this.writeScope = scope(reads.type(), true);
  }

  /** {@code /crm/v3/objects/{type}}. */
  static String path(ObjectType type) {
    return "/crm/v3/objects/" + type.plural();
  }

  /** The read or write scope of a type's objects. */
  static Scope scope(ObjectType type, boolean write) {
    if (type == ObjectType.CONTACT) {
      return write ? Scope.CONTACTS_WRITE : Scope.CONTACTS_READ;
    }
    return write ? Scope.COMPANIES_WRITE : Scope.COMPANIES_READ;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(path).handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      ObjectInput input = ObjectJson.writeInput(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.create(portal(ctx), input), (c, object) -> Http.json(c, 201, written(object)));
    });
    router.patch(path + "/:id").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      Map<String, String> properties = ObjectJson.properties(Http.jsonBody(ctx));
      Optional<String> idProperty = Optional.ofNullable(ctx.queryParams().get("idProperty"));
      http.respond(ctx, () -> writes.update(portal(ctx), ctx.pathParam("id"), idProperty, properties),
          (c, object) -> Http.json(c, 200, written(object)));
    });
    router.delete(path + "/:id").handler(http.requires(writeScope)).handler(ctx ->
        http.respond(ctx, () -> {
          writes.archiveAll(portal(ctx), List.of(ctx.pathParam("id")));
          return true;
        }, (c, done) -> c.response().setStatusCode(204).end()));
    router.get(path).handler(http.requires(readScope)).handler(ctx -> list(ctx, http));
    router.put(path + "/:id/associations/:toType/:toId/:associationType").handler(http.requires(writeScope))
        .handler(ctx -> associate(ctx, http));
  }

  private void list(RoutingContext ctx, Http http) {
    int limit = intParam(ctx, "limit", 10, 1, 100);
    Optional<String> after = Optional.ofNullable(ctx.queryParams().get("after"));
    Set<String> names = ObjectJson.names(ctx.queryParam("properties"), reads.type().defaultRead());
    List<ObjectType> associated = AssociationJson.types(ctx.queryParam("associations"));
    http.respond(ctx, () -> {
      ObjectReads.Page<T> page = reads.list(portal(ctx), after, limit);
      return Map.entry(page, reads.associated(portal(ctx), page.results().stream().map(T::id).toList(), associated));
    }, (c, read) -> {
      JsonArray results = new JsonArray();
      read.getKey().results().forEach(object -> results.add(AssociationJson.withAssociations(
          ObjectView.render(object, names, reads.reader()), reads.type(),
          read.getValue().getOrDefault(object.id(), Map.of()))));
      JsonObject body = new JsonObject().put("results", results);
      read.getKey().next().ifPresent(next -> body.put("paging", new JsonObject().put("next", new JsonObject()
          .put("after", Long.toString(next)).put("link", link(c, next)))));
      Http.json(c, 200, body);
    });
  }

  /** Segment's v3 call: associates, then answers the object with its associations of that type. */
  private void associate(RoutingContext ctx, Http http) {
    ObjectType to = AssociationJson.objectType(ctx.pathParam("toType"));
    AssociationType type = Associations.type(reads.type(), to, ctx.pathParam("associationType"));
    String id = ctx.pathParam("id");
    http.respond(ctx, () -> {
      writes.associations().associate(portal(ctx), type, id, ctx.pathParam("toId"));
      T object = reads.get(portal(ctx), id, Optional.empty());
      return Map.entry(object, reads.associated(portal(ctx), List.of(object.id()), List.of(to)).get(object.id()));
    }, (c, read) -> Http.json(c, 200, AssociationJson.withAssociations(ObjectView.render(read.getKey(),
        reads.type().defaultRead(), reads.reader()), reads.type(), read.getValue())));
  }

  private JsonObject written(T object) {
    return ObjectJson.written(object, reads.type(), reads.reader());
  }

  /** The same list from the next cursor on, as an absolute URL. */
  private static String link(RoutingContext ctx, long next) {
    String uri = ctx.request().absoluteURI();
    int query = uri.indexOf('?');
    StringBuilder link = new StringBuilder(query < 0 ? uri : uri.substring(0, query)).append("?after=").append(next);
    ctx.queryParams().forEach(e -> {
      if (!e.getKey().equals("after")) {
        link.append('&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      }
    });
    return link.toString();
  }

  static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException(name + " must be a whole number from " + min + " to " + max);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static long portal(RoutingContext ctx) {
    return Http.principal(ctx).portalId();
  }
}
