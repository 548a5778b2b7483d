package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.dashboard.Role;
import io.spoor.testkit.Requirements;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The settings pages in Chromium: every page walked and photographed, a token created and revoked,
 * the banner previewed, the rejection list filtered with script payloads in its raw parameters
 * (nothing runs), a CSV imported with a bad row and its report read, and a CSV exported and read
 * back from the downloaded file.
 */
class DashboardSettingsInBrowserIT {
  private static final String PASSWORD = "a long browser password";
  private static final List<String> PAYLOADS = List.of("<script>window.__xss='script'</script>",
      "\"><img src=x onerror=\"window.__xss='img'\">", "<svg onload=\"window.__xss='svg'\">");

  @Test
  void anAdminWalksEverySettingsPageAndUsesEachOne() throws IOException {
    Requirements.require(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", "
        + Browser.CHROMEDRIVER + ")");
    try (RunningSpoor server = RunningSpoor.start(); Browser browser = Browser.desktop()) {
      server.spoor().accounts().create(RunningSpoor.HUB_ID, "owner@example.com", Role.ADMIN, PASSWORD);
      server.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
      SpoorClient api = server.client();
      for (String payload : PAYLOADS) {
        String p = URLEncoder.encode(payload, StandardCharsets.UTF_8);
        api.event("_a=1&_n=" + p + "&email=" + p + "&firstname=" + p);
      }
      api.event("_a=1&_n=spend&email=payer@example.com&_m=lots");
      long now = System.currentTimeMillis();
      assertEquals(200, api.raw("/__ptq.gif?k=1&a=1&v=1.1&vi=0123456789abcdef0123456789abcdef&pu="
          + URLEncoder.encode("https://example.com/pricing", StandardCharsets.UTF_8) + "&t=Pricing&b=9267242.1."
          + now + "&cts=" + now, java.util.Map.of("User-Agent", Browser.DESKTOP_USER_AGENT)).statusCode());
      server.awaitApplied();
      String base = "http://127.0.0.1:" + server.spoor().port();
      signIn(browser, base, "owner@example.com");

      browser.awaitShown("nav a[href='#/settings']").click();
      assertTrue(browser.awaitShown("#settings-page-snippet #snippet").getText().contains("/1.js"));
      browser.screenshot("settings-snippet");

      tokens(browser, api);
      writeKeys(browser);
      privacy(browser, api);
      page(browser, "bots", "#filterBots");
      browser.screenshot("settings-bots");
      page(browser, "limits", "#rateLimitSecondly");
      browser.screenshot("settings-limits");
      page(browser, "forwarding", "#forwarding-none");
      browser.screenshot("settings-forwarding");
      rejections(browser);
      importAndExport(browser, api);
      browser.resize(390, 844);
      page(browser, "tokens", "#tokens-table");
      browser.screenshot("settings-tokens-phone");
      browser.resize(1280, 900);

      browser.click("Sign out");
      signIn(browser, base, "viewer@example.com");
      browser.visit(base + "/#/settings/tokens");
      browser.awaitShown("#tokens-table");
      assertTrue(browser.awaitShown(".note").getText().contains("only an admin"));
      assertTrue(browser.awaitShown("#app").findElements(By.id("tokens-form")).isEmpty());
      assertTrue(browser.awaitShown("#app").findElements(By.cssSelector("#tokens-table button")).isEmpty());
      browser.screenshot("settings-tokens-viewer");
      assertNull(browser.script("return window.__xss"), "no payload ran");
    }
  }

  private static void signIn(Browser browser, String base, String email) {
    browser.visit(base + "/");
    browser.fill("Email", email);
    browser.fill("Password", PASSWORD);
    browser.click("Sign in");
    browser.awaitShown("#user-email");
  }

  private static void page(Browser browser, String id, String shown) {
    browser.awaitShown("#settings-" + id).click();
    browser.awaitShown("#settings-page-" + id + " " + shown);
  }

  private static void tokens(Browser browser, SpoorClient api) {
    page(browser, "tokens", "#tokens-form");
    browser.fill("Name", "CI deploys");
    browser.click("Create token");
    String value = browser.awaitShown("#new-secret").getText();
    assertEquals(200, api.withToken(value).get("/api/v1/portal").status(), "the token shown works");
    browser.awaitUntil("the new token listed", b -> b.awaitShown("#tokens-table").getText().contains("CI deploys"));
    assertFalse(browser.awaitShown("#tokens-table").getText().contains(value), "the list shows only a hint");
    browser.screenshot("settings-tokens-created");
    browser.script("window.confirm = () => true");
    browser.click("Revoke token CI deploys");
    browser.awaitUntil("the token revoked", b -> b.awaitShown("#tokens-table").getText().contains("Revoked"));
    assertEquals(401, api.withToken(value).get("/api/v1/portal").status(), "a revoked token stops working");
    browser.screenshot("settings-tokens");
  }

  private static void writeKeys(Browser browser) {
    page(browser, "write-keys", "#write-keys-form");
    browser.fill("Name", "Marketing site");
    browser.click("Create write key");
    assertFalse(browser.awaitShown("#new-secret").getText().isBlank());
    browser.awaitShown("#write-keys-table");
    browser.screenshot("settings-write-keys");
  }

  private static void privacy(Browser browser, SpoorClient api) {
    page(browser, "privacy", "#bannerText");
    browser.awaitShown("#requireConsent").click();
    var text = browser.awaitShown("#bannerText");
    text.clear();
    text.sendKeys("We count visits. " + PAYLOADS.get(1));
    assertEquals("We count visits. " + PAYLOADS.get(1), browser.awaitShown("#banner-preview-text").getText());
    browser.click("Save");
    browser.awaitUntil("saved", b -> b.awaitShown("#privacy-form [role=status]").getText().equals("Saved"));
    assertTrue(api.get("/api/v1/portal").json().getBoolean("requireConsent"));
    assertEquals("We count visits. " + PAYLOADS.get(1), api.get("/api/v1/portal").json().getString("bannerText"));
    browser.screenshot("settings-privacy");
  }

  private static void rejections(Browser browser) {
    page(browser, "rejections", "#rejections-table");
    String all = browser.awaitShown("#rejections-table").getText();
    for (String payload : PAYLOADS) {
      assertTrue(all.contains(URLEncoder.encode(payload, StandardCharsets.UTF_8)) || all.contains(payload),
          "the raw parameters are shown as text: " + payload);
    }
    new Select(browser.awaitShown("#reason")).selectByValue("INVALID_REVENUE");
    browser.awaitUntil("only the revenue rejection", b -> {
      String shown = b.awaitShown("#rejections-table tbody").getText();
      return shown.contains("INVALID_REVENUE") && !shown.contains("INVALID_EMAIL");
    });
    assertNull(browser.script("return window.__xss"), "no payload ran");
    browser.screenshot("settings-rejections");
  }

  private static void importAndExport(Browser browser, SpoorClient api) throws IOException {
    page(browser, "data", "#import-file");
    Path csv = Files.createTempFile("people", ".csv");
    Files.writeString(csv, "Email,First Name,Nickname\r\nada@example.com,Ada,x\r\nnot-an-email,Bad,y\r\n"
        + "=cmd@example.com,Formula,z\r\n");
    browser.awaitShown("#import-file").sendKeys(csv.toString());
    var nickname = browser.awaitShown("#import-mapping input[data-column='Nickname']");
    assertEquals("nickname", nickname.getAttribute("value"));
    nickname.clear();
    browser.click("Import contacts");
    String problems = browser.awaitShown("#import-problems").getText();
    assertTrue(problems.contains("not-an-email"), problems);
    assertTrue(browser.awaitShown("#import-counts").getText().startsWith("2 created, 0 updated, 1 rows not imported"),
        browser.awaitShown("#import-counts").getText());
    assertEquals(200, api.get("/crm/v3/objects/contacts/ada%40example.com?idProperty=email").status());
    browser.script("document.getElementById('import-report').scrollIntoView()");
    browser.screenshot("settings-import");

    browser.click("Export contacts");
    Path file = browser.awaitDownload("contacts.csv");
    browser.awaitUntil("the export done", b -> b.awaitShown(".export [role=status]").getText()
        .equals("Downloaded contacts.csv"));
    String exported = Files.readString(file);
    assertTrue(exported.contains("ada@example.com"), exported);
    assertTrue(exported.contains(",Ada,"), exported);
    assertTrue(exported.contains("'=cmd@example.com"), "a formula is exported as text: " + exported);
    browser.screenshot("settings-export");

    new Select(browser.awaitShown("#export-report")).selectByValue("pages");
    browser.click("Export report");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    String report = Files.readString(browser.awaitDownload("pages-" + today.minusDays(29) + "-" + today + ".csv"));
    assertTrue(report.startsWith("table,page,"), report);
    assertTrue(report.contains("results,/pricing,"), report);
  }
}
