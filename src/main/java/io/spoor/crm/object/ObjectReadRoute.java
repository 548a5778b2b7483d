package io.spoor.crm.object;

import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.crm.ObjectType;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /crm/v3/objects/{type}/{id}}: the object by id or {@code idProperty}, with the
 * properties asked for, the history of those in {@code propertiesWithHistory}, and the objects
 * of the types in {@code associations} it is associated with.
 */
final class ObjectReadRoute<T extends CrmObject> implements Routes {
  private final ObjectReads<T> reads;

  ObjectReadRoute(ObjectReads<T> reads) {
    this.reads = reads;
  }

  private record Read<O extends CrmObject>(O object, Map<String, List<HistoryEntry>> history,
      Map<ObjectType, List<Long>> associated, PropertyReader<O> reader) {
  }

  @Override
  public void mount(Router router, Http http) {
    router.get(ObjectRoutes.path(reads.type()) + "/:id").handler(http.requires(reads.type().scope(false)))
        .handler(ctx -> read(ctx, http));
  }

  private void read(RoutingContext ctx, Http http) {
    Set<String> names = ObjectJson.names(ctx.queryParam("properties"), reads.type().defaultRead());
    Set<String> withHistory = ObjectJson.names(ctx.queryParam("propertiesWithHistory"), List.of());
    List<ObjectType> associated = AssociationJson.types(ctx.queryParam("associations"));
    Optional<String> idProperty = Optional.ofNullable(ctx.queryParams().get("idProperty"));
    long portal = ObjectRoutes.portal(ctx);
    http.respond(ctx, () -> {
      T object = reads.get(portal, ctx.pathParam("id"), idProperty);
      return new Read<>(object, withHistory.isEmpty() ? Map.of() : reads.history(object, withHistory),
          reads.associated(portal, List.of(object.id()), associated).getOrDefault(object.id(), Map.of()),
          reads.reader(portal));
    }, (c, read) -> Http.json(c, 200, AssociationJson.withAssociations(ObjectJson.withHistory(
        ObjectView.render(read.object(), names, read.reader()), read.history()), reads.type(), read.associated())));
  }
}
