package io.spoor.crm;

import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.vertx.core.Handler;
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
        () -> associations.associate(ObjectRoutes.portal(ctx), type(ctx), ctx.pathParam("fromId"),
            ctx.pathParam("toId")), (c, done) -> Http.json(c, 200, AssociationJson.associated(done))));
    router.get(PATH + "/:toType").handler(scoped(http, false)).handler(ctx -> {
      AssociationType type = type(ctx);
      Paging paging = Paging.of(ctx, LIST_LIMIT, LIST_LIMIT);
      http.respond(ctx, () -> associations.list(ObjectRoutes.portal(ctx), type, ctx.pathParam("fromId"),
          paging.after(), paging.fetch()), (c, ids) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), ids,
              Long::longValue, id -> AssociationJson.associatedId(type, id))));
    });
    router.delete(PATH + "/:toType/:toId").handler(scoped(http, true)).handler(ctx -> http.respond(ctx, () -> {
      associations.remove(ObjectRoutes.portal(ctx), type(ctx), ctx.pathParam("fromId"), ctx.pathParam("toId"));
      return true;
    }, (c, done) -> c.response().setStatusCode(204).end()));
  }

  /** The scope of the path's from-object type; a type Spoor does not keep is a 400 before anything else. */
  private static Handler<RoutingContext> scoped(Http http, boolean write) {
    Handler<RoutingContext> contacts = http.requires(ObjectRoutes.scope(ObjectType.CONTACT, write));
    Handler<RoutingContext> companies = http.requires(ObjectRoutes.scope(ObjectType.COMPANY, write));
    return ctx -> (from(ctx) == ObjectType.CONTACT ? contacts : companies).handle(ctx);
  }

  private static ObjectType from(RoutingContext ctx) {
    return AssociationJson.objectType(ctx.pathParam("fromType"));
  }

  private static AssociationType type(RoutingContext ctx) {
    return Associations.type(from(ctx), AssociationJson.objectType(ctx.pathParam("toType")));
  }
}
