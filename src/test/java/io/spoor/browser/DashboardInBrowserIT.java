package io.spoor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.dashboard.Role;
import io.spoor.testkit.Requirements;
import io.spoor.testkit.RunningSpoor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in to the dashboard through its form in Chromium, its shell and a new portal's empty state. */
class DashboardInBrowserIT {
  private static final String PASSWORD = "a long browser password";

  @Test
  void aPersonSignsInSeesTheShellAndTheSnippetThenSignsOut() {
    Requirements.require(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", "
        + Browser.CHROMEDRIVER + ")");
    try (RunningSpoor server = RunningSpoor.start(); Browser browser = Browser.desktop()) {
      server.spoor().accounts().create(RunningSpoor.HUB_ID, "owner@example.com", Role.ADMIN, PASSWORD);
      String base = "http://127.0.0.1:" + server.spoor().port();
      browser.visit(base + "/");
      browser.awaitByRole("button", "Sign in");
      browser.screenshot("dashboard-sign-in");

      browser.fill("Email", "owner@example.com");
      browser.fill("Password", "not it at all");
      browser.click("Sign in");
      assertTrue(browser.awaitShown("[role=alert]").getText().contains("not right"));
      browser.fill("Password", PASSWORD);
      browser.click("Sign in");

      String snippet = browser.awaitShown("#snippet").getText();
      assertEquals("<script type=\"text/javascript\" id=\"hs-script-loader\" async defer src=\"//127.0.0.1:"
          + server.spoor().port() + "/1.js\"></script>", snippet);
      assertEquals("owner@example.com", browser.awaitShown("#user-email").getText());
      assertTrue(browser.awaitShown("#portal").getText().contains("Default portal"));
      List<String> sections = browser.script("return [...document.querySelectorAll('nav a')]"
          + ".map(a => a.textContent)") instanceof List<?> names ? names.stream().map(String::valueOf).toList()
          : List.of();
      assertEquals(List.of("Overview", "Sources", "Pages", "Devices", "Events", "Event definitions", "Contacts",
          "Companies", "Settings", "Users"), sections);
      browser.screenshot("dashboard-empty-overview");
      browser.resize(390, 844);
      browser.screenshot("dashboard-empty-overview-phone");
      browser.resize(1280, 900);

      browser.awaitShown("nav a[href='#/settings']").click();
      browser.awaitShown("#settings-account").click();
      browser.awaitByRole("button", "Change password");
      browser.screenshot("dashboard-settings");

      server.spoor().accounts().create(RunningSpoor.HUB_ID, "viewer@example.com", Role.VIEWER, PASSWORD);
      browser.awaitShown("nav a[href='#/users']").click();
      browser.awaitUntil("the portal's two users", b -> b.awaitShown("#users").getText().contains("viewer@example.com"));
      browser.screenshot("dashboard-users");

      browser.click("Sign out");
      browser.awaitByRole("button", "Sign in");
      assertTrue(browser.cookie("spoor_session").isEmpty(), "sign-out clears the cookie");
      browser.visit(base + "/");
      browser.awaitByRole("button", "Sign in");
      assertTrue(browser.awaitShown("#app").findElements(By.id("user-email")).isEmpty());
    }
  }

  @Test
  void aOneTimePasswordLeadsToChoosingOneBeforeTheDashboard() {
    Requirements.require(Browser.installed(), "Chromium and chromedriver (" + Browser.CHROMIUM + ", "
        + Browser.CHROMEDRIVER + ")");
    try (RunningSpoor server = RunningSpoor.start(); Browser browser = Browser.desktop()) {
      server.spoor().accounts().create(RunningSpoor.HUB_ID, "new@example.com", Role.ADMIN, "printed once only", true);
      browser.visit("http://127.0.0.1:" + server.spoor().port() + "/");
      browser.fill("Email", "new@example.com");
      browser.fill("Password", "printed once only");
      browser.click("Sign in");
      browser.awaitByRole("button", "Set password");
      assertTrue(browser.awaitShown("#app").findElements(By.id("user-email")).isEmpty(), "no dashboard yet");
      browser.screenshot("dashboard-choose-password");
      browser.fill("One-time password", "printed once only");
      browser.fill("New password (10 characters or more)", "my very own password");
      browser.click("Set password");
      assertEquals("new@example.com", browser.awaitShown("#user-email").getText());
    }
  }
}
