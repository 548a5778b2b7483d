package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
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
  private final String base;
  private final Function<Http, Guard> guard;

  public ReportExportRoutes(Reports reports) {
    this(reports, "/api/v1", http -> Guard.bearer(http, Scope.BUSINESS_INTELLIGENCE));
  }

  /** The same routes at {@code base + "/exports/reports/…"} behind another guard. */
  public ReportExportRoutes(Reports reports, String base, Guard guard) {
    this(reports, base, http -> guard);
  }

  private ReportExportRoutes(Reports reports, String base, Function<Http, Guard> guard) {
    this.reports = reports;
    this.base = base;
    this.guard = guard;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = guard.apply(http);
    Map<String, Function<ReportQuery, JsonObject>> named = new LinkedHashMap<>();
    named.put("overview", reports::overview);
    named.put("sources", reports::sources);
    named.put("pages", reports::pages);
    named.put("devices", reports::devices);
    named.put("events", reports::events);
    named.forEach((name, report) -> router.get(base + "/exports/reports/" + name + ".csv").handler(g.reads())
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
