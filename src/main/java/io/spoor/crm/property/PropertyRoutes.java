package io.spoor.crm.property;

import io.spoor.NotFoundException;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /crm/v3/properties/{objectType}[/{name}]} and the legacy v1 contact property list. */
public final class PropertyRoutes implements Routes {
  private static final String PATH = "/crm/v3/properties/:objectType";
  private final PropertyCatalog catalog;

  public PropertyRoutes(PropertyCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get(PATH).handler(scoped(http, false)).handler(ctx -> http.respond(ctx,
        () -> catalog.list(Http.principal(ctx).portalId(), type(ctx)), (c, list) -> {
          JsonArray results = new JsonArray();
          list.forEach(d -> results.add(PropertyJson.render(d)));
          Http.json(c, 200, new JsonObject().put("results", results));
        }));
    router.post(PATH).handler(http.body()).handler(scoped(http, true)).handler(ctx -> {
      PropertyDefinition d = PropertyJson.read(Http.jsonBody(ctx), null);
      http.respond(ctx, () -> catalog.create(Http.principal(ctx).portalId(), type(ctx), d),
          (c, created) -> Http.json(c, 201, PropertyJson.render(created)));
    });
    router.get(PATH + "/:name").handler(scoped(http, false)).handler(ctx -> http.respond(ctx,
        () -> catalog.get(Http.principal(ctx).portalId(), type(ctx), ctx.pathParam("name")),
        (c, d) -> Http.json(c, 200, PropertyJson.render(d))));
    router.patch(PATH + "/:name").handler(http.body()).handler(scoped(http, true)).handler(ctx -> {
      JsonObject patch = Http.jsonBody(ctx);
      long portal = Http.principal(ctx).portalId();
      http.respond(ctx, () -> catalog.update(portal, type(ctx),
          PropertyJson.read(patch, catalog.get(portal, type(ctx), ctx.pathParam("name")))),
          (c, d) -> Http.json(c, 200, PropertyJson.render(d)));
    });
    router.delete(PATH + "/:name").handler(scoped(http, true)).handler(ctx -> http.respond(ctx, () -> {
      catalog.archive(Http.principal(ctx).portalId(), type(ctx), ctx.pathParam("name"));
      return true;
    }, (c, done) -> c.response().setStatusCode(204).end()));
    router.get("/properties/v1/contacts/properties").handler(http.requires(Scope.CONTACT_SCHEMAS_READ))
        .handler(ctx -> http.respond(ctx, () -> catalog.list(Http.principal(ctx).portalId(), ObjectType.CONTACT),
            (c, list) -> {
              JsonArray legacy = new JsonArray();
              list.forEach(d -> legacy.add(PropertyJson.render(d).put("readOnlyValue", d.readOnly())));
              Http.json(c, 200, legacy);
            }));
  }

  /** The schema scope for the path's object type, read or write. */
  private static Handler<RoutingContext> scoped(Http http, boolean write) {
    Handler<RoutingContext> contacts = http.requires(write ? Scope.CONTACT_SCHEMAS_WRITE : Scope.CONTACT_SCHEMAS_READ);
    Handler<RoutingContext> companies = http.requires(write ? Scope.COMPANY_SCHEMAS_WRITE : Scope.COMPANY_SCHEMAS_READ);
    return ctx -> (type(ctx) == ObjectType.CONTACT ? contacts : companies).handle(ctx);
  }

  private static ObjectType type(RoutingContext ctx) {
    String name = ctx.pathParam("objectType");
    return ObjectType.fromPlural(name).or(() -> "0-1".equals(name) ? java.util.Optional.of(ObjectType.CONTACT)
        : "0-2".equals(name) ? java.util.Optional.of(ObjectType.COMPANY) : java.util.Optional.empty())
        .orElseThrow(() -> new NotFoundException("Unknown object type " + name, name));
  }
}
