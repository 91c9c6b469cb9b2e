package io.dialtone.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (no browser download), in a fresh
 * profile's state, English as the browser language, and small helpers that wait for pages to load.
 */
final class Browser implements AutoCloseable {

  static final String SESSION_COOKIE = "__Host-DIALTONE";
  private static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * How often a wait looks again (Selenium's default is 500 ms): a page or Ajax answer is seen
   * within a tenth of a second of its arrival instead of up to half a second later.
   */
  private static final Duration POLL = Duration.ofMillis(100);

  private final ChromeDriver driver;
  private final String baseUrl;

  Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    this.driver = IdleBrowsers.takeOrStart();
  }

  void open(String pathOrUrl) {
    driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
  }

  /** A wait of up to {@link #WAIT} that looks every {@link #POLL}. */
  private WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT, POLL);
  }

  WebElement find(String css) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /**
   * Clicks the element once it takes the click: right after the window changed size the page may
   * still be laying itself out, and another element may sit where the element is drawn next.
   */
  void click(String css) {
    waiting()
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .until(
            d -> {
              find(css).click();
              return true;
            });
  }

  /**
   * Shows the portal in {@code lang} ({@code en}, {@code fr}) with the page's language switch,
   * unless it shows in it already (a user's language is kept from one sign-in to the next).
   */
  void useLanguage(String lang) {
    if (driver.findElements(By.cssSelector("html[lang='" + lang + "']")).isEmpty()) {
      find("button[lang='" + lang + "']").click();
    }
    find("html[lang='" + lang + "']");
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  boolean isPresent(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /**
   * Replaces what field {@code id} holds with {@code text}. A PrimeFaces input with a widget behind
   * it (its id ends in {@code _input}: a number, a date, a completion) is also emptied by keyboard,
   * select-all then delete: a number field puts its old value back after {@code clear()}, and
   * typing {@code 2} then made {@code 12}.
   */
  void type(String id, String text) {
    WebElement input = find("[id='" + id + "']");
    input.clear();
    if (id.endsWith("_input")) {
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    }
    input.sendKeys(text);
  }

  /** Clicks a button that submits a full page (no Ajax) and waits for the next page. */
  void submit(String buttonId) {
    WebElement button = find("[id='" + buttonId + "']");
    button.click();
    waiting().until(d -> isGone(button));
    waiting()
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  /** Whether the element left the document (a new page replaced it). */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (
        WebDriverException e) { // stale, or "node does not belong to the document" mid-navigation
      return true;
    }
  }

  /** Clicks the button whose id ends in {@code :button} in the table row containing a text. */
  void clickInRow(String tableId, String rowText, String button) {
    WebElement row =
        findAll("[id='" + tableId + "'] tbody tr").stream()
            .filter(r -> r.getText().contains(rowText))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row with " + rowText + " in " + tableId));
    row.findElement(By.cssSelector("[id$=':" + button + "']")).click();
  }

  /** Ticks (or unticks) the option labelled {@code label} of a checkbox group. */
  void toggleOption(String groupId, String label) {
    waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@id='" + groupId + "']//label[normalize-space()='" + label + "']")))
        .click();
  }

  /** Waits until the page shows {@code text} (after an Ajax update). */
  void waitForText(String text) {
    waiting()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // mid-navigation body
        .until(d -> pageText().contains(text));
  }

  /** Waits until {@code condition} holds (e.g. a row the page changed in the database). */
  void waitUntil(java.util.function.BooleanSupplier condition) {
    waiting().until(d -> condition.getAsBoolean());
  }

  /** Whether an element matching {@code css} is on the page and shown (not folded away). */
  boolean isShown(String css) {
    return findAll(css).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Waits until the browser is on {@code path} (after a redirect). */
  void waitForPath(String path) {
    waiting().until(d -> path().equals(path));
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  String text(String css) {
    return find(css).getText();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String htmlLang() {
    return driver.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  /** The session id the browser holds now (the cookie is HttpOnly: only the driver can read it). */
  String sessionCookie() {
    var cookie = driver.manage().getCookieNamed(SESSION_COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  /** What the page wrote to the console since the last call (CSP violations show up here). */
  List<String> consoleMessages() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  /** Resizes the window, e.g. to a phone's width or a short screen. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** From now on every request goes to the network, as on a first visit. */
  void disableCache() {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
  }

  /** Runs a script in the page and returns its result. */
  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Whether the element is, or within a few seconds comes (a page may scroll to it smoothly),
   * wholly inside the visible part of the page.
   */
  boolean inViewport(String css) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(3), POLL)
          .until(
              d ->
                  (Boolean)
                      script(
                          "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                              + "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;",
                          css));
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  /**
   * Pairs of children of the elements matching {@code css} whose boxes overlap, or whose content
   * reaches past their own box (a select menu wider than its grid cell), as readable text; empty
   * when the layout is clean.
   */
  @SuppressWarnings("unchecked")
  List<String> overlaps(String css) {
    return (List<String>)
        script(
            "const found = [];"
                + "for (const box of document.querySelectorAll(arguments[0])) {"
                + "  const kids = [...box.children].filter(k => k.getBoundingClientRect().width > 0);"
                + "  const name = k => (k.querySelector('label') || k).textContent.trim().slice(0, 30);"
                + "  const outer = box.getBoundingClientRect();"
                + "  for (const k of kids) {"
                + "    const r = k.getBoundingClientRect();"
                + "    if (r.right > outer.right + 1) found.push(name(k) + ' leaves its box');"
                + "    for (const d of k.querySelectorAll('*')) {"
                + "      if (d.closest('.ui-helper-hidden-accessible, .ui-helper-hidden')) continue;"
                + "      const c = d.getBoundingClientRect();"
                + "      if (c.width > 0 && c.right > r.right + 1) { found.push(name(k) + ' overflows'); break; }"
                + "    }"
                + "  }"
                + "  for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {"
                + "    const a = kids[i].getBoundingClientRect(), b = kids[j].getBoundingClientRect();"
                + "    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)"
                + "      found.push(name(kids[i]) + ' / ' + name(kids[j]));"
                + "  }"
                + "}"
                + "return found;",
            css);
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Hands the browser back for the next test, as good as new (see {@link IdleBrowsers}); quits it
   * when it cannot be made so.
   */
  @Override
  public void close() {
    IdleBrowsers.giveBack(driver);
  }

  /**
   * Chromium processes kept between tests: starting Chromium and its driver costs seconds on two
   * busy cores, and a browser test opens one or two per test. A browser handed back is wiped to a
   * fresh profile's state (no cookies, empty cache, nothing in web storage, the window size and
   * timeouts of a new one, no other windows, console read) before the next {@link Browser} gets it;
   * one that cannot be wiped is quit. A test never shares a browser: two open {@link Browser}s are
   * two Chromium processes, each its own session. {@code -Ddialtone.test.reuse-browsers=false}
   * starts a new Chromium for every {@link Browser} instead.
   */
  private static final class IdleBrowsers {

    private static final boolean REUSE =
        Boolean.parseBoolean(System.getProperty("dialtone.test.reuse-browsers", "true"));
    private static final java.util.Deque<ChromeDriver> IDLE = new java.util.ArrayDeque<>();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(IdleBrowsers::quitAll, "quit-idle-browsers"));
    }

    private IdleBrowsers() {}

    static ChromeDriver takeOrStart() {
      synchronized (IDLE) {
        ChromeDriver idle = IDLE.pollFirst();
        if (idle != null) {
          return idle;
        }
      }
      return started();
    }

    static void giveBack(ChromeDriver driver) {
      if (!REUSE || !wiped(driver)) {
        driver.quit();
        return;
      }
      synchronized (IDLE) {
        IDLE.addFirst(driver);
      }
    }

    /** Whether {@code driver} is back to a new browser's state. */
    private static boolean wiped(ChromeDriver driver) {
      try {
        if (driver.getWindowHandles().size() != 1) {
          return false;
        }
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        driver.executeCdpCommand(
            "Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "all"));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        return driver.manage().getCookies().isEmpty();
      } catch (WebDriverException e) {
        return false;
      }
    }

    private static ChromeDriver started() {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("dialtone.test.chromium", "/usr/bin/chromium"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          // Puppeteer's quiet set: no extensions, crash reports, phishing checks, translation or
          // background throttling of a window the test is not looking at.
          "--disable-extensions",
          "--disable-default-apps",
          "--disable-breakpad",
          "--disable-client-side-phishing-detection",
          "--disable-hang-monitor",
          "--disable-background-timer-throttling",
          "--disable-backgrounding-occluded-windows",
          "--disable-renderer-backgrounding",
          "--disable-features=Translate,MediaRouter,OptimizationHints",
          "--password-store=basic",
          "--mute-audio",
          "--ignore-certificate-errors",
          "--lang=en-US",
          "--window-size=1280,1000",
          "--user-data-dir=" + tempProfile());
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  Path.of(System.getProperty("dialtone.test.chromedriver", "/usr/bin/chromedriver"))
                      .toFile())
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(WAIT);
      return driver;
    }

    private static void quitAll() {
      synchronized (IDLE) {
        IDLE.forEach(ChromeDriver::quit);
        IDLE.clear();
      }
    }

    private static Path tempProfile() {
      try {
        return Files.createTempDirectory("dialtone-chromium-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
