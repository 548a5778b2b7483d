package io.spoor.crm.object;

import io.spoor.crm.Company;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.ext.web.Router;

/**
 * The CRM v3 companies API: read (by id, domain or a custom unique property), create,
 * update, archive and list, the batch calls, and the v3 association call; the same calls
 * and shapes as the contacts', keyed by domain.
 */
public final class CompanyApiRoutes implements Routes {
  private final ObjectReads<Company> companies;
  private final ObjectWrites<Company> writes;

  public CompanyApiRoutes(ObjectReads<Company> companies, ObjectWrites<Company> writes) {
    this.companies = companies;
    this.writes = writes;
  }

  @Override
  public void mount(Router router, Http http) {
    new ObjectReadRoute<>(companies).mount(router, http);
    new ObjectRoutes<>(companies, writes).mount(router, http);
    new ObjectBatchRoutes<>(companies, writes).mount(router, http);
  }
}
