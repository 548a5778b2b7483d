package io.spoor.crm.object;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.ext.web.Router;

/**
 * The CRM v3 contacts API beyond reading one contact ({@link ContactRoutes}): create,
 * update, archive and list, the batch calls, and the v3 association call.
 */
public final class ContactApiRoutes implements Routes {
  static final String PATH = "/crm/v3/objects/contacts";

  private final Contacts contacts;
  private final ContactWrites writes;

  public ContactApiRoutes(Contacts contacts, ContactWrites writes) {
    this.contacts = contacts;
    this.writes = writes;
  }

  @Override
  public void mount(Router router, Http http) {
    new ObjectRoutes<>(contacts, writes).mount(router, http);
    new ObjectBatchRoutes<>(contacts, writes).mount(router, http);
  }
}
