package io.spoor.crm.gdpr;

import io.spoor.crm.object.ContactJson;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;

/** {@code POST /crm/v3/objects/contacts/gdpr-delete}: erases a contact for good, 204 with no body. */
public final class GdprDeleteRoutes implements Routes {
  private final GdprDelete gdpr;

  public GdprDeleteRoutes(GdprDelete gdpr) {
    this.gdpr = gdpr;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post("/crm/v3/objects/contacts/gdpr-delete").handler(http.body())
        .handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
          JsonObject body = Http.jsonBody(ctx);
          String ref = ContactJson.required(body, "objectId");
          Optional<String> idProperty = ContactJson.text("idProperty", body.getValue("idProperty"));
          long portal = Http.principal(ctx).portalId();
          http.respond(ctx, () -> {
            gdpr.delete(portal, ref, idProperty);
            return true;
          }, (c, done) -> c.response().setStatusCode(204).end());
        });
  }
}
