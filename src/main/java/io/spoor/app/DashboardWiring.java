package io.spoor.app;

import io.spoor.dashboard.Accounts;
import io.spoor.dashboard.DashboardAuth;
import io.spoor.dashboard.DashboardRoutes;
import io.spoor.dashboard.LiveRoutes;
import io.spoor.dashboard.LiveUpdates;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.ops.Metrics;
import io.spoor.report.LegacyReports;
import io.spoor.report.ReportExportRoutes;
import io.spoor.report.ReportRoutes;
import io.spoor.report.Reports;
import io.spoor.report.VisitIndex;
import io.spoor.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * The dashboard's sign-in and pages, its live stream, and the traffic reports (in the API under a
 * token, in HubSpot's legacy shape, and in the dashboard), with their CSV exports.
 */
final class DashboardWiring {
  private DashboardWiring() {}

  static List<Routes> routes(Settings settings, Database db, Accounts accounts, DashboardAuth dashboardAuth,
      LiveUpdates liveUpdates, Metrics metrics, Clock clock) {
    VisitIndex visitIndex = new VisitIndex(db, settings.get(Settings.REPORT_INDEX_VISITS),
        settings.get(Settings.REPORT_INDEX_WAIT_MS), settings.get(Settings.REPORT_PARTIAL_SUMS_MB) * 1024L * 1024L);
    visitIndex.warm(clock, VisitIndex.WARM_DAYS);
    metrics.gauge("spoor_report_index_still_reading_refused", "Filtered reports answered 503 since start because "
        + "the index of visits was still reading their days past --report-index-wait-ms",
        visitIndex::stillReadingRefused);
    Reports reports = new Reports(db, visitIndex, settings.get(Settings.REPORT_CACHE_MB));
    return List.of(
        new DashboardRoutes(accounts, dashboardAuth, settings.get(Settings.SIGN_IN_FAILURES),
            settings.get(Settings.SIGN_IN_SLOWDOWN_MS), clock, metrics, settings.find(Settings.PUBLIC_URL)),
        new ReportRoutes(reports, new LegacyReports(db, reports), dashboardAuth.signedIn(), DashboardAuth::portal),
        new LiveRoutes(liveUpdates, dashboardAuth, settings.get(Settings.LIVE_STREAMS_PER_USER),
            settings.get(Settings.LIVE_STREAMS), metrics),
        new ReportExportRoutes(reports),
        new ReportExportRoutes(reports, Mount.at("/dashboard/api", dashboardAuth.guard())));
  }
}
