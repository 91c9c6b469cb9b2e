package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key rotation from the platform administrator's page on the shared server while sipp keeps
 * registering a phone: a key file dropped in the keys folder is offered, the rotation runs in the
 * background and the page shows it finished, every REGISTER during it succeeded, every stored
 * secret is under the new key, and the old key retires. (The old key's file stays: this suite's
 * fixtures write TOTP secrets with it.)
 */
@ExtendWith(RunningDialtone.class)
class DataKeyRotationPageIT {

  @Test
  void aRotationFromThePageMovesEverySecretWhilePhonesKeepRegistering(DialtoneServer server)
      throws Exception {
    Extension phone = SipExtensions.create(server, "501").get("501");
    TestUsers db = new TestUsers(server);
    SeededUser admin = db.user("PLATFORM_ADMIN", 1L);
    String target = "p" + Long.toString(System.currentTimeMillis(), 36);
    addKey(server, target);
    Sipp.Result before = Sipp.run("register", phone.number(), phone.secret(), phone.realm());
    assertThat(before.passed()).as(before.output()).isTrue();

    AtomicBoolean rotating = new AtomicBoolean(true);
    List<Sipp.Result> during = new ArrayList<>();
    ExecutorService load = Executors.newSingleThreadExecutor();
    Future<?> registering =
        load.submit(
            () -> {
              while (rotating.get()) {
                during.add(Sipp.run("register", phone.number(), phone.secret(), phone.realm()));
              }
              return null;
            });
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, admin);
      browser.find("#navDataKeys").click();
      String old = currentKey(browser);
      browser.find("[id='rotate:target']").click();
      browser.find("[id='rotate:target_items'] li[data-label='" + target + "']").click();
      browser.submit("rotate:start");
      assertThat(browser.pageText()).contains("Rotation to " + target + " started");

      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (!browser.pageText().contains("Every secret moved to " + target)) {
        assertThat(Instant.now()).as("rotation finished in time").isBefore(deadline);
        Thread.sleep(1000); // the page shows progress; it finishes after the key cache's time
        browser.open("/keys/index.xhtml");
      }
      rotating.set(false);
      registering.get();

      assertThat(during).isNotEmpty();
      assertThat(during)
          .as("every REGISTER during the rotation")
          .allSatisfy(r -> assertThat(r.passed()).as(r.output()).isTrue());
      assertThat(
              (Number)
                  db.queryValue(
                      """
                  SELECT (SELECT COUNT(*) FROM extension
                          WHERE ha1_md5 NOT LIKE ? OR ha1_sha256 NOT LIKE ?)
                       + (SELECT COUNT(*) FROM app_user
                          WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE ?)""",
                      "v1:" + target + ":%",
                      "v1:" + target + ":%",
                      "v1:" + target + ":%"))
          .as("secrets under another key")
          .extracting(Number::longValue)
          .isEqualTo(0L);
      Sipp.Result after = Sipp.run("register", phone.number(), phone.secret(), phone.realm());
      assertThat(after.passed()).as(after.output()).isTrue();

      browser.clickInRow("keys:table", old, "retire");
      browser.waitForText("Key " + old + " retired");
    } finally {
      rotating.set(false);
      load.shutdownNow();
    }
  }

  private static String currentKey(Browser browser) {
    return browser.findAll("[id='keys:table'] tbody tr").stream()
        .filter(row -> row.getText().contains("Current"))
        .map(row -> row.findElement(org.openqa.selenium.By.cssSelector("code")).getText().strip())
        .findFirst()
        .orElseThrow();
  }

  private static void addKey(DialtoneServer server, String keyId) throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file =
        Files.createFile(
            Path.of(server.applicationSetting("DIALTONE_DATA_KEYS_DIR"), keyId + ".key"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, Base64.getEncoder().encodeToString(key));
  }
}
