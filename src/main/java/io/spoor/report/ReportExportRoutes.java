package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.spoor.transfer.JsonTable;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
    Map<String, Function<ReportQuery, JsonObject>> named = new LinkedHashMap<>();
    named.put("overview", reports::overview);
    named.put("sources", reports::sources);
    named.put("pages", reports::pages);
    named.put("devices", reports::devices);
    named.put("events", reports::events);
    named.forEach((name, report) -> router.get(mount.base() + "/exports/reports/" + name + ".csv").handler(g.reads())
        .handler(ctx -> {
          ReportQuery query = query(ctx, g.portal(ctx));
          http.respond(ctx, () -> JsonTable.of(report.apply(query)), (c, table) -> table.send(c, name + ".csv"));
        }));
  }

  private static ReportQuery query(RoutingContext ctx, long hubId) {
    LocalDate from = ReportQuery.date("from", ctx.request().getParam("from"), DateTimeFormatter.ISO_LOCAL_DATE);
    LocalDate to = ReportQuery.date("to", ctx.request().getParam("to"), DateTimeFormatter.ISO_LOCAL_DATE);
    if (to.isBefore(from)) {
      throw new InvalidInputException("to is before from");
    }
    return new ReportQuery(hubId, from, to, ReportQuery.interval(ctx.request().getParam("interval")),
        ReportFilter.parse(ctx.request().getParam("filter")));
  }
}
