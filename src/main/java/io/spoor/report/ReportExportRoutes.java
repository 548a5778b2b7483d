package io.spoor.report;

import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.spoor.transfer.JsonTable;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/v1/exports/reports/{overview|sources|pages|devices|events}.csv} (scope
 * {@code business-intelligence}): a report, with the query parameters of {@code /api/v1/reports},
 * as one CSV table (see {@link JsonTable}). The dashboard mounts the same routes under its own base.
 */
public final class ReportExportRoutes implements Routes {
  private final Reports reports;
  private final Mount mount;

  public ReportExportRoutes(Reports reports) {
    this(reports, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public ReportExportRoutes(Reports reports, Mount mount) {
    this.reports = reports;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.BUSINESS_INTELLIGENCE);
    ReportRoutes.named(reports).forEach((name, report) -> router.get(mount.base() + "/exports/reports/" + name + ".csv").handler(g.reads())
        .handler(ctx -> {
          ReportQuery query = ReportRoutes.query(ctx, g.portal(ctx));
          http.respond(ctx, () -> JsonTable.of(report.apply(query)), (c, table) -> table.send(c, name + ".csv"));
        }));
  }
}
