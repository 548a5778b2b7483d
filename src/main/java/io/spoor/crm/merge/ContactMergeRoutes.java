package io.spoor.crm.merge;

import io.spoor.crm.object.ContactJson;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code POST /crm/v3/objects/contacts/merge}: the primary as merged, in HubSpot's object shape. */
public final class ContactMergeRoutes implements Routes {
  private final ContactMerge merge;

  public ContactMergeRoutes(ContactMerge merge) {
    this.merge = merge;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post("/crm/v3/objects/contacts/merge").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE))
        .handler(ctx -> {
          JsonObject body = Http.jsonBody(ctx);
          String primary = ContactJson.required(body, "primaryObjectId");
          String other = ContactJson.required(body, "objectIdToMerge");
          long portal = Http.principal(ctx).portalId();
          http.respond(ctx, () -> merge.merge(portal, primary, other),
              (c, contact) -> Http.json(c, 200, ContactJson.written(contact)));
        });
  }
}
