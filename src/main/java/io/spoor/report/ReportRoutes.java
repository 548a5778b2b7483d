package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@code GET /api/v1/reports/{overview|sources|pages|devices|events}?from&to&interval&filter} and
 * HubSpot's {@code GET /analytics/v2/reports/{breakdown_by}/{time_period}?start&end}, both with
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
        .handler(ctx -> http.respond(ctx, () -> legacy.report(Http.principal(ctx).portalId(),
            ctx.pathParam("breakdown"), ctx.pathParam("period"),
            ReportQuery.date("start", ctx.request().getParam("start"), DateTimeFormatter.BASIC_ISO_DATE),
            ReportQuery.date("end", ctx.request().getParam("end"), DateTimeFormatter.BASIC_ISO_DATE)),
            (c, body) -> Http.json(c, 200, body)));
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
