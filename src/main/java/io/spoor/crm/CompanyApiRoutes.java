package io.spoor.crm;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.store.Transactor;
import io.vertx.ext.web.Router;
import java.time.Clock;

/**
 * The CRM v3 companies API: read (by id, domain or a custom unique property), create,
 * update, archive and list, the batch calls, and the v3 association call; the same calls
 * and shapes as the contacts', keyed by domain.
 */
public final class CompanyApiRoutes implements Routes {
  private final ObjectReads<Company> companies;
  private final ObjectWrites<Company> writes;

  public CompanyApiRoutes(Transactor tx, ObjectStore<Company> store, PropertyDefinitionStore definitions,
      Clock clock) {
    this.companies = new ObjectReads<>(tx, store, ObjectType.COMPANY, ObjectView.reader(ObjectType.COMPANY),
        definitions, clock);
    this.writes = new ObjectWrites<>(tx, store, definitions, ObjectType.COMPANY, clock);
  }

  @Override
  public void mount(Router router, Http http) {
    new ObjectReadRoute<>(companies).mount(router, http);
    new ObjectRoutes<>(companies, writes).mount(router, http);
    new ObjectBatchRoutes<>(companies, writes).mount(router, http);
  }
}
