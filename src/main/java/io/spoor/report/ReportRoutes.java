package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@code GET /api/v1/reports/{overview|sources|pages|devices|events}?from&to&interval&filter} and
 * HubSpot's {@code GET /analytics/v2/reports/{breakdown_by}/{time_period}?start&end&limit&offset&sort&sortDir&f
 * &exclude&d1}, both with
 * the {@code business-intelligence} scope; and the same five for the dashboard at
 * {@code GET /dashboard/api/reports/{name}?hubId&from&to&interval&filter}, behind the dashboard's
 * session check.
 */
public final class ReportRoutes implements Routes {
  private final Reports reports;
  private final LegacyReports legacy;
  private final Handler<RoutingContext> dashboardSession;
  private final ToLongFunction<RoutingContext> dashboardPortal;

  /**
   * {@code dashboardSession} admits a dashboard request (the session cookie) and
   * {@code dashboardPortal} tells which of the person's portals it is about.
   */
  public ReportRoutes(Reports reports, LegacyReports legacy, Handler<RoutingContext> dashboardSession,
      ToLongFunction<RoutingContext> dashboardPortal) {
    this.reports = reports;
    this.legacy = legacy;
    this.dashboardSession = dashboardSession;
    this.dashboardPortal = dashboardPortal;
  }

  @Override
  public void mount(Router router, Http http) {
    Map<String, Function<ReportQuery, JsonObject>> named = named(reports);
    named.forEach((name, report) -> router.get("/api/v1/reports/" + name)
        .handler(http.requires(Scope.BUSINESS_INTELLIGENCE))
        .handler(ctx -> http.respond(ctx, () -> report.apply(query(ctx, Http.principal(ctx).portalId())),
            (c, body) -> Http.json(c, 200, body))));
    named.forEach((name, report) -> router.get("/dashboard/api/reports/" + name).handler(dashboardSession)
        .handler(ctx -> http.respond(ctx, () -> report.apply(query(ctx, dashboardPortal.applyAsLong(ctx))),
            (c, body) -> Http.json(c, 200, body))));
    router.get("/analytics/v2/reports/:breakdown/:period").handler(http.requires(Scope.BUSINESS_INTELLIGENCE))
        .handler(ctx -> http.respond(ctx, () -> legacy.report(legacyQuery(ctx, Http.principal(ctx).portalId())),
            (c, body) -> Http.json(c, 200, body)));
  }

  /**
   * The legacy report a request asks for: the path's breakdown and period, {@code start} and
   * {@code end} (YYYYMMDD), and the HubSpot parameters Spoor honours; those it does not (a saved
   * view, a second drill-down level) are refused rather than ignored.
   */
  static LegacyQuery legacyQuery(RoutingContext ctx, long portalId) {
    MultiMap params = ctx.request().params();
    for (String refused : List.of("d2", "filterId")) {
      if (params.contains(refused)) {
        throw new InvalidInputException(refused + " is not supported: Spoor keeps no saved views and one drill-down "
            + "level (d1, sources only)");
      }
    }
    return LegacyQuery.parse(portalId, ctx.pathParam("breakdown"), ctx.pathParam("period"),
        ReportQuery.date("start", params.get("start"), DateTimeFormatter.BASIC_ISO_DATE),
        ReportQuery.date("end", params.get("end"), DateTimeFormatter.BASIC_ISO_DATE), params.get("limit"),
        params.get("offset"), params.get("sort"), params.get("sortDir"), params.getAll("f"), params.getAll("exclude"),
        params.get("d1"));
  }

  /** The reports by the name they are asked for by, in the order they are listed. */
  static Map<String, Function<ReportQuery, JsonObject>> named(Reports reports) {
    Map<String, Function<ReportQuery, JsonObject>> named = new LinkedHashMap<>();
    named.put("overview", reports::overview);
    named.put("sources", reports::sources);
    named.put("pages", reports::pages);
    named.put("devices", reports::devices);
    named.put("events", reports::events);
    return named;
  }

  /** The report a request asks for: {@code from}, {@code to}, {@code interval} and {@code filter}. */
  static ReportQuery query(RoutingContext ctx, long portalId) {
    LocalDate from = ReportQuery.date("from", ctx.request().getParam("from"), DateTimeFormatter.ISO_LOCAL_DATE);
    LocalDate to = ReportQuery.date("to", ctx.request().getParam("to"), DateTimeFormatter.ISO_LOCAL_DATE);
    if (to.isBefore(from)) {
      throw new InvalidInputException("to is before from");
    }
    return new ReportQuery(portalId, from, to,
        ReportQuery.interval(ctx.request().getParam("interval")), ReportFilter.parse(ctx.request().getParam("filter")));
  }
}
