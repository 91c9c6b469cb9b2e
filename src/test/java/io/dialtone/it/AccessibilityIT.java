package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page of the menu of every role, at a desktop width (1366 px) and a phone's (390 px), in a
 * plain window of that width: axe-core (the webjar, injected into the page) finds no serious or
 * critical WCAG 2.1 A/AA violation, and no page is wider than the window. Then each role's home
 * page is photographed in English and French for the documentation.
 */
@ExtendWith(RunningDialtone.class)
class AccessibilityIT {

  private static final String AXE = axeSource();
  private static final int[] WIDTHS = {1366, 390};

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CUSTOMER_USER",
        "CUSTOMER_ADMIN",
        "RESELLER_ADMIN",
        "SUPPORT_AGENT",
        "PLATFORM_ADMIN"
      })
  void everyMenuPageIsAccessibleAndFitsAPhone(String role, DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser user = seed(db, role);
    List<String> problems = new ArrayList<>();
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      List<String> pages =
          browser.findAll("#sidebar a, #navNotices").stream()
              .map(a -> URI.create(a.getDomProperty("href")).getPath())
              .toList();
      assertThat(pages).contains("/home.xhtml", "/notices/index.xhtml");
      for (int width : WIDTHS) {
        browser.resize(width, 900);
        for (String page : pages) {
          browser.open(page);
          browser.find("h1");
          long documentWidth =
              ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
          if (width == 390 && documentWidth > width) {
            problems.add(page + " at 390 px is " + documentWidth + " px wide");
          }
          problems.addAll(violations(browser, page + " at " + width + " px"));
        }
      }
      screenshots(browser, role);
    }
    assertThat(problems).as("pages of %s", role).isEmpty();
  }

  /**
   * The role's home page in English and French at 1366 px, saved as {@code
   * target/screenshots/<role>-<language>.png} (docs/screenshots holds copies: see docs/testing.md).
   */
  private static void screenshots(Browser browser, String role) {
    browser.resize(1366, 900);
    for (String language : new String[] {"en", "fr"}) {
      if (language.equals("fr")) {
        browser.useLanguage("fr");
      }
      browser.open("/home.xhtml");
      browser.find("h1");
      byte[] png =
          ((org.openqa.selenium.TakesScreenshot) browser.driver())
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      assertThat(png).hasSizeGreaterThan(10_000);
      try {
        java.nio.file.Path file =
            java.nio.file.Path.of(
                "target",
                "screenshots",
                role.toLowerCase(java.util.Locale.ROOT) + "-" + language + ".png");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, png);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations(Browser browser, String where) {
    browser.script(AXE);
    browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
    List<Map<String, Object>> found =
        (List<Map<String, Object>>)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag',"
                        + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact,"
                        + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                        + ".catch(e => done([{id: 'axe failed: ' + e, impact: 'critical', nodes: []}]));");
    return found.stream()
        .map(v -> where + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("nodes"))
        .toList();
  }

  private static SeededUser seed(TestUsers db, String role) {
    return switch (role) {
      case "CUSTOMER_USER", "CUSTOMER_ADMIN" -> db.user(role, db.newCustomerAccount());
      case "RESELLER_ADMIN" -> db.user(role, db.account(1L, "RESELLER", "Accessible reseller"));
      default -> db.user(role, 1L);
    };
  }

  private static String axeSource() {
    String path = System.getProperty("dialtone.test.axe");
    try (InputStream in = AccessibilityIT.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("axe-core not on the test class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
