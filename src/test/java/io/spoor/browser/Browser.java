package io.spoor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium with a profile of its own, driven through Debian's
 * chromedriver. Nothing is looked up or downloaded at run time: both paths are given, so
 * Selenium Manager is never asked.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** What an ordinary desktop Chrome says; headless Chromium's own user agent names it a bot. */
  static final String DESKTOP_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
  private static final Duration WAIT = Duration.ofSeconds(15);
  /** Kept so the setting holds: the tests use no DevTools, so a Chromium newer than Selenium's CDP list is fine. */
  private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSIONS.setLevel(Level.SEVERE);
  }

  private final Path profile;
  private final ChromeDriver driver;

  private Browser(Optional<String> userAgent) {
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    try {
      profile = Files.createTempDirectory("spoor-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--window-size=1280,900", "--user-data-dir=" + profile);
    userAgent.ifPresent(ua -> options.addArguments("--user-agent=" + ua));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogLevel(ChromiumDriverLogLevel.OFF).build();
    ChromeDriver started = null;
    try {
      started = new ChromeDriver(service, options);
      started.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    } finally {
      if (started == null) {
        deleteProfile();
      }
    }
    driver = started;
  }

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Chromium passing for a desktop Chrome. */
  static Browser desktop() {
    return new Browser(Optional.of(DESKTOP_USER_AGENT));
  }

  /** Chromium with its own headless user agent. */
  static Browser headlessAsItIs() {
    return new Browser(Optional.empty());
  }

  /** Opens {@code url} and waits until the page's tracker has run its queue. */
  void open(String url) {
    driver.get(url);
    awaitTracker();
  }

  /** Opens {@code url}, a page without the tracker (the dashboard), and waits only for it to load. */
  void visit(String url) {
    driver.get(url);
  }

  /** Types into the input whose label is {@code label}, after clearing it. */
  void fill(String label, String text) {
    WebElement input = await("an input labelled '" + label + "' on " + driver.getCurrentUrl(),
        () -> driver.findElements(By.cssSelector("input")).stream()
            .filter(e -> label.equals(e.getAccessibleName()) && e.isDisplayed()).findFirst().orElse(null));
    input.clear();
    input.sendKeys(text);
  }

  /** The shown element matching the CSS selector, once there is one. */
  WebElement awaitShown(String css) {
    return await("'" + css + "' on " + driver.getCurrentUrl(), () -> driver.findElements(By.cssSelector(css))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Sets the window's size, as a phone's or a desktop's screen. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** Saves what the window shows as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) {
    try {
      Path file = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the current page again and waits for its tracker. */
  void reload() {
    driver.navigate().refresh();
    awaitTracker();
  }

  /** The tracker replaces {@code _hsq.push} once it has loaded and run what was queued. */
  private void awaitTracker() {
    await("the tracker to load on " + driver.getCurrentUrl(), () -> Boolean.TRUE.equals(script(
        "return !!window._hsq && window._hsq.push !== Array.prototype.push")) ? Boolean.TRUE : null);
  }

  Object script(String javascript) {
    return driver.executeScript(javascript);
  }

  String userAgent() {
    return (String) script("return navigator.userAgent");
  }

  Optional<Cookie> cookie(String name) {
    return Optional.ofNullable(driver.manage().getCookieNamed(name));
  }

  Optional<String> cookieValue(String name) {
    return cookie(name).map(Cookie::getValue);
  }

  List<String> cookieNames() {
    return driver.manage().getCookies().stream().map(Cookie::getName).sorted().collect(Collectors.toList());
  }

  void deleteCookie(String name) {
    driver.manage().deleteCookieNamed(name);
  }

  /** Waits until the page has the cookie and returns its value. */
  String awaitCookie(String name) {
    return await("cookie " + name + " on " + driver.getCurrentUrl(), () -> cookieValue(name).orElse(null));
  }

  /** The element with the ARIA role and accessible name given, once there is one shown. */
  WebElement awaitByRole(String role, String name) {
    return await("a " + role + " named '" + name + "' on " + driver.getCurrentUrl(),
        () -> byRole(role, name).orElse(null));
  }

  /** The shown element with that role and accessible name, if there is one now. */
  Optional<WebElement> byRole(String role, String name) {
    String tags = role.equals("button") ? "button, [role=button]" : "[role=" + role + "]";
    return driver.findElements(By.cssSelector(tags)).stream()
        .filter(e -> role.equals(e.getAriaRole()) && name.equals(e.getAccessibleName()) && e.isDisplayed())
        .findFirst();
  }

  /** Clicks the button named {@code name}, as a person would. */
  void click(String name) {
    // a page that redraws between finding the button and clicking it: find it again
    await("a button named '" + name + "' to click on " + driver.getCurrentUrl(),
        () -> byRole("button", name).map(button -> {
          button.click();
          return Boolean.TRUE;
        }).orElse(null));
  }

  /** URLs of the tracker beacons ({@code /__pt*.gif}) this page has loaded so far. */
  @SuppressWarnings("unchecked")
  List<String> beaconsSent() {
    return (List<String>) script("return performance.getEntriesByType('resource').map(function (e) {"
        + " return e.name; }).filter(function (n) { return /\\/__pt[a-z]*\\.gif\\?/.test(n); })");
  }

  void awaitUntil(String what, Predicate<Browser> condition) {
    await(what, () -> condition.test(this) ? Boolean.TRUE : null);
  }

  /** The first non-null value of {@code probe}, asked again until {@link #WAIT} has passed. */
  private <T> T await(String what, Supplier<T> probe) {
    try {
      // a page redrawn while it is probed leaves stale elements: probe again
      return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> probe.get());
    } catch (TimeoutException e) {
      throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what, e);
    }
  }

  /** Opens {@code url} in a new tab, which becomes the current one; returns the tab's handle. */
  String openTab(String url) {
    driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    driver.get(url);
    return driver.getWindowHandle();
  }

  /** The current tab's handle. */
  String tab() {
    return driver.getWindowHandle();
  }

  /** Makes the tab of {@code handle} the current one. */
  void switchTo(String handle) {
    driver.switchTo().window(handle);
  }

  /** The page's current URL. */
  String url() {
    return driver.getCurrentUrl();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is not worth failing a test for
    }
  }
}
