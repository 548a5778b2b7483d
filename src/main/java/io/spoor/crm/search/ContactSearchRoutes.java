package io.spoor.crm.search;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.ext.web.Router;

/** {@code POST /crm/v3/objects/contacts/search}: HubSpot's contact search. */
public final class ContactSearchRoutes implements Routes {
  private final ContactSearch search;

  public ContactSearchRoutes(ContactSearch search) {
    this.search = search;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post("/crm/v3/objects/contacts/search").handler(http.body()).handler(http.requires(Scope.CONTACTS_READ))
        .handler(ctx -> {
          ContactSearchQuery query = ContactSearchJson.query(Http.jsonBody(ctx));
          long portal = Http.principal(ctx).portalId();
          http.respond(ctx, () -> search.search(portal, query),
              (c, page) -> Http.json(c, 200, ContactSearchJson.page(page, query.properties())));
        });
  }
}
