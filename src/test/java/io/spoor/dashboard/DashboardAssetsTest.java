package io.spoor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The page's files come from the jar: its own modules and the chart library's webjar, under the page's policy. */
class DashboardAssetsTest {
  @Test
  void theChartLibraryAndTheReportModulesAreServedFromTheJar() {
    try (RunningSpoor spoor = RunningSpoor.start()) {
      DashboardSession browser = new DashboardSession("http://127.0.0.1:" + spoor.spoor().port());
      HttpResponse<String> uplot = browser.get("/dashboard/assets/vendor/uPlot.esm.js");
      assertEquals(200, uplot.statusCode());
      assertTrue(uplot.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
      assertTrue(uplot.body().contains("export { uPlot as default }"), "the ES module build");
      assertTrue(uplot.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
      assertEquals(200, browser.get("/dashboard/assets/vendor/uPlot.min.css").statusCode());
      for (String module : new String[] {"reports.js", "chart.js", "live.js", "format.js"}) {
        HttpResponse<String> answer = browser.get("/dashboard/assets/" + module);
        assertEquals(200, answer.statusCode(), module);
        assertTrue(answer.body().contains("export "), module);
      }
      assertEquals(404, browser.get("/dashboard/assets/vendor/uPlot.cjs.js").statusCode());
    }
  }
}
