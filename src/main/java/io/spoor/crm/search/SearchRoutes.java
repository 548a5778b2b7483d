package io.spoor.crm.search;

import io.spoor.crm.CrmObject;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.ext.web.Router;

/** {@code POST /crm/v3/objects/{type}/search}: HubSpot's CRM search, for one object type. */
public final class SearchRoutes<T extends CrmObject> implements Routes {
  private final ObjectSearch<T> search;

  public SearchRoutes(ObjectSearch<T> search) {
    this.search = search;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post("/crm/v3/objects/" + search.type().plural() + "/search").handler(http.body())
        .handler(http.requires(search.type().scope(false))).handler(ctx -> {
          SearchQuery query = SearchJson.query(Http.jsonBody(ctx), search.type().defaultRead());
          long portal = Http.principal(ctx).portalId();
          http.respond(ctx, () -> search.search(portal, query),
              (c, page) -> Http.json(c, 200, SearchJson.page(page, query.properties())));
        });
  }
}
