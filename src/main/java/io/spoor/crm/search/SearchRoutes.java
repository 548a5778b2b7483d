package io.spoor.crm.search;

import io.spoor.crm.CrmObject;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.ToLongFunction;

/** {@code POST /crm/v3/objects/{type}/search}: HubSpot's CRM search, for one object type. */
public final class SearchRoutes<T extends CrmObject> implements Routes {
  private final ObjectSearch<T> search;

  public SearchRoutes(ObjectSearch<T> search) {
    this.search = search;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post("/crm/v3/objects/" + search.type().plural() + "/search").handler(http.body())
        .handler(http.requires(search.type().scope(false))).handler(handler(search, http,
            ctx -> Http.principal(ctx).portalId()));
  }

  /**
   * The search of a request whose body is HubSpot's search body, in the portal {@code portal}
   * names (the token's for the API; the session's for the dashboard), answered in HubSpot's shape.
   */
  public static <T extends CrmObject> Handler<RoutingContext> handler(ObjectSearch<T> search, Http http,
      ToLongFunction<RoutingContext> portal) {
    return ctx -> {
      SearchQuery query = SearchJson.query(Http.jsonBody(ctx), search.type().defaultRead());
      long portalId = portal.applyAsLong(ctx);
      http.respond(ctx, () -> search.search(portalId, query),
          (c, page) -> Http.json(c, 200, SearchJson.page(page, query.properties())));
    };
  }
}
