package io.spoor.crm.object;

import io.spoor.crm.AssociationType;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectType;
import io.spoor.crm.association.Associations;
import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
    this.readScope = reads.type().scope(false);
    this.writeScope = reads.type().scope(true);
  }

  /** {@code /crm/v3/objects/{type}}. */
  static String path(ObjectType type) {
    return "/crm/v3/objects/" + type.plural();
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(path).handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      ObjectInput input = ObjectJson.writeInput(Http.jsonBody(ctx));
      long portal = portal(ctx);
      http.respond(ctx, () -> written(portal, writes.create(portal, input)), (c, json) -> Http.json(c, 201, json));
    });
    router.patch(path + "/:id").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      Map<String, String> properties = ObjectJson.properties(Http.jsonBody(ctx));
      Optional<String> idProperty = Optional.ofNullable(ctx.queryParams().get("idProperty"));
      long portal = portal(ctx);
      http.respond(ctx, () -> written(portal, writes.update(portal, ctx.pathParam("id"), idProperty, properties)),
          (c, json) -> Http.json(c, 200, json));
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
    int limit = Paging.number(ctx, "limit", 10, 1, 100);
    Optional<String> after = Optional.ofNullable(ctx.queryParams().get("after"));
    Set<String> names = ObjectJson.names(ctx.queryParam("properties"), reads.type().defaultRead());
    List<ObjectType> associated = AssociationJson.types(ctx.queryParam("associations"));
    long portal = portal(ctx);
    http.respond(ctx, () -> {
      ObjectReads.Page<T> page = reads.list(portal, after, limit);
      Map<Long, Map<ObjectType, List<Long>>> linked = reads.associated(portal,
          page.results().stream().map(T::id).toList(), associated);
      PropertyReader<T> reader = reads.reader(portal);
      JsonArray results = new JsonArray();
      page.results().forEach(object -> results.add(AssociationJson.withAssociations(
          ObjectView.render(object, names, reader), reads.type(), linked.getOrDefault(object.id(), Map.of()))));
      return Map.entry(page.next(), results);
    }, (c, read) -> {
      JsonObject body = new JsonObject().put("results", read.getValue());
      read.getKey().ifPresent(next -> body.put("paging", new JsonObject().put("next", new JsonObject()
          .put("after", Long.toString(next)).put("link", Paging.link(c, http, Long.toString(next))))));
      Http.json(c, 200, body);
    });
  }

  /** Segment's v3 call: associates, then answers the object with its associations of that type. */
  private void associate(RoutingContext ctx, Http http) {
    ObjectType to = Associations.objectType(ctx.pathParam("toType"));
    AssociationType type = Associations.type(reads.type(), to, ctx.pathParam("associationType"));
    String id = ctx.pathParam("id");
    long portal = portal(ctx);
    http.respond(ctx, () -> {
      writes.associations().associate(portal, type, id, ctx.pathParam("toId"));
      T object = reads.get(portal, id, Optional.empty());
      return AssociationJson.withAssociations(ObjectView.render(object, reads.type().defaultRead(),
          reads.reader(portal)), reads.type(), reads.associated(portal, List.of(object.id()), List.of(to))
          .get(object.id()));
    }, (c, json) -> Http.json(c, 200, json));
  }

  /** Runs on the worker: the portal's custom definitions are read to show its dates. */
  private JsonObject written(long portal, T object) {
    return ObjectJson.written(object, reads.type(), reads.reader(portal));
  }

  static long portal(RoutingContext ctx) {
    return Http.principal(ctx).portalId();
  }
}
