package io.spoor.crm.association;

import io.spoor.crm.AssociationType;
import io.spoor.crm.ObjectType;
import io.spoor.crm.association.Associations.Associated;
import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The CRM v4 associations API between contacts and companies: associate with the default
 * type ({@code PUT …/associations/default/{toType}/{toId}}), list, remove. Each call needs the
 * read or write scope of the object it starts from.
 */
public final class AssociationRoutes implements Routes {
  private static final String PATH = "/crm/v4/objects/:fromType/:fromId/associations";
  /** HubSpot's v4 list: 500 a page, the default and the most. */
  private static final int LIST_LIMIT = 500;

  private final Associations associations;

  public AssociationRoutes(Associations associations) {
    this.associations = associations;
  }

  @Override
  public void mount(Router router, Http http) {
    router.put(PATH + "/default/:toType/:toId").handler(scoped(http, true)).handler(ctx -> http.respond(ctx,
        () -> associations.associate(Http.principal(ctx).portalId(), type(ctx), ctx.pathParam("fromId"),
            ctx.pathParam("toId")), (c, done) -> Http.json(c, 200, associated(done))));
    router.get(PATH + "/:toType").handler(scoped(http, false)).handler(ctx -> {
      AssociationType type = type(ctx);
      Paging paging = Paging.of(ctx, LIST_LIMIT, LIST_LIMIT);
      http.respond(ctx, () -> associations.list(Http.principal(ctx).portalId(), type, ctx.pathParam("fromId"),
          paging.after(), paging.fetch()), (c, ids) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), ids,
              Long::longValue, id -> associatedId(type, id))));
    });
    router.delete(PATH + "/:toType/:toId").handler(scoped(http, true)).handler(ctx -> http.respond(ctx, () -> {
      associations.remove(Http.principal(ctx).portalId(), type(ctx), ctx.pathParam("fromId"), ctx.pathParam("toId"));
      return true;
    }, (c, done) -> c.response().setStatusCode(204).end()));
  }

  /** The scope of the path's from-object type; a type Spoor does not keep is a 400 before anything else. */
  private static Handler<RoutingContext> scoped(Http http, boolean write) {
    Handler<RoutingContext> contacts = http.requires(ObjectType.CONTACT.scope(write));
    Handler<RoutingContext> companies = http.requires(ObjectType.COMPANY.scope(write));
    return ctx -> (from(ctx) == ObjectType.CONTACT ? contacts : companies).handle(ctx);
  }

  private static ObjectType from(RoutingContext ctx) {
    return Associations.objectType(ctx.pathParam("fromType"));
  }

  private static AssociationType type(RoutingContext ctx) {
    return Associations.type(from(ctx), Associations.objectType(ctx.pathParam("toType")));
  }

  /** The v4 answer to associating: a batch of one, complete. */
  private static JsonObject associated(Associated a) {
    JsonObject spec = new JsonObject().put("associationCategory", AssociationType.CATEGORY)
        .put("associationTypeId", a.type().id());
    JsonObject result = new JsonObject().put("from", new JsonObject().put("id", Long.toString(a.fromId())))
        .put("to", new JsonObject().put("id", Long.toString(a.toId()))).put("associationSpec", spec);
    return new JsonObject().put("status", "COMPLETE").put("results", new JsonArray().add(result))
        .put("startedAt", a.startedAt().toString()).put("completedAt", a.completedAt().toString());
  }

  /** One item of the v4 list: {@code {toObjectId, associationTypes:[{category, typeId, label:null}]}}. */
  private static JsonObject associatedId(AssociationType type, long id) {
    JsonObject spec = new JsonObject().put("category", AssociationType.CATEGORY).put("typeId", type.id())
        .putNull("label");
    return new JsonObject().put("toObjectId", id).put("associationTypes", new JsonArray().add(spec));
  }
}
