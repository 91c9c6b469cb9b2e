package io.dialtone.bench;

import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.launcher.DialtoneServer;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.DataKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Dialtone side of the SIP REGISTER benchmark ({@code bench/sip/run-dialtone-vs-kamailio.sh}):
 * starts Dialtone as the tests do (embedded MariaDB, Payara Micro, the WAR; a fresh home), then
 * provisions the extensions the way a provider would, through Dialtone's own pages: a customer
 * administrator signs in (password and TOTP) in a headless Chromium, uploads a CSV of {@code N}
 * extensions on {@code /extensions/import.xhtml} (Dialtone generates every SIP secret) and
 * downloads the credentials file offered once. Nothing is written to the extension tables here.
 * Only the customer account and its administrator are seeded directly in the database (as the
 * black-box tests seed users), because first-run setup and an invitation by e-mail are not what is
 * measured.
 *
 * <p>The credentials file becomes sipp's injection files (same fields as the anchor's {@code
 * gen-users.sh}: user; {@code [authentication ...]}; domain = the account's realm; password): the
 * real credentials, the same users with a wrong secret of the same length, and unknown users of the
 * same length in the same realm. Then it prints {@code SIPBENCH READY payara_pid=… realm=…} and
 * keeps Dialtone running until the process is terminated (TERM stops Payara, then MariaDB).
 *
 * <p>System properties: {@code bench.dir} (where {@code data/} goes), {@code bench.extensions}
 * (10000), {@code bench.first} (20000: 10000–19999 would hold 112xx, refused as emergency
 * prefixes), {@code dialtone.war}, {@code payara.micro.jar}. Every {@code DIALTONE_*} environment
 * variable goes to the launcher (ports, home, SIP settings).
 */
public final class SipBenchDialtone {

  private static final Duration WAIT = Duration.ofMinutes(3);

  private SipBenchDialtone() {}

  public static void main(String[] args) throws Exception {
    Path benchDir = Path.of(System.getProperty("bench.dir", "bench/sip"));
    int count = Integer.getInteger("bench.extensions", 10_000);
    int first = Integer.getInteger("bench.first", 20_000);
    Map<String, String> env = new HashMap<>();
    System.getenv()
        .forEach(
            (name, value) -> {
              if (name.startsWith("DIALTONE_")) {
                env.put(name, value);
              }
            });
    env.putIfAbsent("DIALTONE_THROTTLE_SIGNIN_LIMIT", "100000");
    log("starting Dialtone (home " + env.get("DIALTONE_HOME") + ")");
    DialtoneServer server =
        DialtoneServer.start(
            env,
            Path.of(System.getProperty("dialtone.war", "target/dialtone.war")),
            Path.of(System.getProperty("payara.micro.jar", "target/payara-micro.jar")),
            Boolean.getBoolean("bench.echo"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sip-bench-stop"));
    try {
      prepare(server, benchDir, count, first);
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      System.exit(1); // the shutdown hook stops Payara Micro and MariaDB
    }
    server.awaitExit();
  }

  private static void prepare(DialtoneServer server, Path benchDir, int count, int first)
      throws Exception {
    Admin admin = seedCustomerAdmin(server);
    log("customer account " + admin.accountId() + ", administrator " + admin.email());

    Path work = Files.createDirectories(benchDir.resolve("run"));
    Path upload = work.resolve("dialtone-extensions-import.csv");
    StringBuilder csv = new StringBuilder("number,name,type\n");
    for (int n = first; n < first + count; n++) {
      csv.append(n).append(",Bench ").append(n).append(",user\n");
    }
    Files.writeString(upload, csv);
    Path downloads = Files.createTempDirectory(work, "downloads-");
    long t0 = System.nanoTime();
    Path credentials = provision(server.baseUrl(), admin, upload, downloads);
    log(
        "imported "
            + count
            + " extensions and downloaded their credentials in "
            + Duration.ofNanos(System.nanoTime() - t0).toMillis()
            + " ms");
    String realm = writeInjectionFiles(credentials, benchDir.resolve("data"));
    Files.delete(credentials); // the secrets live on only in sipp's injection file
    int carrier = Integer.getInteger("bench.carrier.port", 0);
    if (carrier > 0) {
      seedCallRoute(server, admin.accountId(), carrier);
      writeCallsFile(benchDir.resolve("data"));
      seedInbound(server, admin.accountId(), benchDir.resolve("data"));
    }
    long payara =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElse(-1);
    System.out.println("SIPBENCH READY payara_pid=" + payara + " realm=" + realm);
    System.out.flush();
  }

  private record Admin(long accountId, String email, String password, String totpSecret) {}

  /** The number every benchmark call dials: a Canadian number, national for the account. */
  static final String DIALLED = "+16135550100";

  /** The account's number, presented as caller ID on every call. */
  static final String CALLER_ID = "+16135550199";

  /**
   * What an outbound call needs besides a registered phone, as a platform administrator and the
   * customer would set it on their pages: a carrier trunk to the sipp UAS on {@code carrierPort}
   * (UDP, no login), a DID of the account as its default caller ID and a rate for the dialled
   * number's prefix in the rate deck. The imported extensions are users, whose class of service
   * reaches national numbers by default. Seeded in the database: the pages are not what is
   * measured.
   */
  private static void seedCallRoute(DialtoneServer server, long accountId, int carrierPort)
      throws SQLException {
    try (Connection db =
        DriverManager.getConnection(
            server.applicationSetting("DIALTONE_DB_URL"),
            server.applicationSetting("DIALTONE_DB_USER"),
            server.applicationSetting("DIALTONE_DB_PASSWORD"))) {
      try (PreparedStatement trunk =
          db.prepareStatement(
              "INSERT INTO trunk (name, host, port, transport, priority, weight, created_at,"
                  + " updated_at) VALUES ('carrier', '127.0.0.1', ?, 'UDP', 1, 1,"
                  + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
        trunk.setInt(1, carrierPort);
        trunk.executeUpdate();
      }
      try (PreparedStatement did =
          db.prepareStatement(
              "INSERT INTO did (number, account_id, caller_id_default, created_at, assigned_at)"
                  + " VALUES (?, ?, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
        did.setString(1, CALLER_ID);
        did.setLong(2, accountId);
        did.executeUpdate();
      }
      // A number without a rate is refused ("no rate"), as a provider's rate deck would have it.
      try (Statement rate = db.createStatement()) {
        rate.executeUpdate(
            "INSERT INTO rate (prefix, description, price_per_minute, currency, first_increment,"
                + " next_increment, effective_from) VALUES ('+1613', 'Ottawa (benchmark)', 0.01000,"
                + " 'CAD', 60, 60, UTC_TIMESTAMP(6) - INTERVAL 1 DAY)");
      }
    }
    log(
        "call route: trunk carrier -> 127.0.0.1:"
            + carrierPort
            + " (UDP), caller ID "
            + CALLER_ID
            + ", dialled number "
            + DIALLED);
  }

  /** The address the inbound benchmark's carrier calls from: the trunk's declared source. */
  static final String CARRIER_SOURCE = "127.0.0.9";

  /** How many DIDs the inbound benchmark calls, each routed to one extension. */
  static final int INBOUND_DIDS = 1000;

  /**
   * What the inbound benchmark needs (run-calls-dialtone-vs-kamailio.sh with INBOUND=1): the
   * carrier trunk's source address ({@value #CARRIER_SOURCE}) and {@value #INBOUND_DIDS} DIDs of
   * the account (+16135570000...), each routed to one imported extension, seeded as the DID page
   * would store them; data/dialtone-inbound.csv lists the DIDs (sipp's carrier) and
   * data/dialtone-phones.csv the registrations of their extensions, in the same order.
   */
  private static void seedInbound(DialtoneServer server, long accountId, Path data)
      throws SQLException, IOException {
    Map<String, String> registrations = new HashMap<>();
    for (String line : Files.readAllLines(data.resolve("dialtone-users.csv"))) {
      registrations.put(line.split(";")[0], line);
    }
    List<String> dids = new ArrayList<>(List.of("SEQUENTIAL"));
    List<String> phones = new ArrayList<>(List.of("SEQUENTIAL"));
    try (Connection db =
        DriverManager.getConnection(
            server.applicationSetting("DIALTONE_DB_URL"),
            server.applicationSetting("DIALTONE_DB_USER"),
            server.applicationSetting("DIALTONE_DB_PASSWORD"))) {
      try (Statement source = db.createStatement()) {
        source.executeUpdate(
            "INSERT INTO trunk_source (trunk_id, address_range) SELECT id, '"
                + CARRIER_SOURCE
                + "' FROM trunk WHERE name = 'carrier'");
      }
      try (PreparedStatement extensions =
              db.prepareStatement(
                  "SELECT id, number FROM extension WHERE account_id = ? ORDER BY number LIMIT ?");
          PreparedStatement did =
              db.prepareStatement(
                  "INSERT INTO did (number, account_id, extension_id, created_at, assigned_at)"
                      + " VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
        extensions.setLong(1, accountId);
        // a few more than needed: an extension left out of the sipp files never registers
        extensions.setInt(2, INBOUND_DIDS + 100);
        try (ResultSet rows = extensions.executeQuery()) {
          int i = 0;
          while (rows.next() && i < INBOUND_DIDS) {
            if (!registrations.containsKey(rows.getString(2))) {
              continue;
            }
            String number = String.format("+1613557%04d", i++);
            did.setString(1, number);
            did.setLong(2, accountId);
            did.setLong(3, rows.getLong(1));
            did.addBatch();
            dids.add(number);
            phones.add(registrations.get(rows.getString(2)));
          }
        }
        did.executeBatch();
      }
    }
    Files.write(data.resolve("dialtone-inbound.csv"), dids);
    Files.write(data.resolve("dialtone-phones.csv"), phones);
    log(
        "inbound: trunk source "
            + CARRIER_SOURCE
            + ", "
            + (dids.size() - 1)
            + " DIDs +16135570000... each to one extension");
  }

  /**
   * sipp's injection file for the call scenario ({@code scenarios/call-uac-digest.xml}): the
   * registration file's fields with the dialled number as field 3 (the password field is unused).
   */
  private static void writeCallsFile(Path data) throws IOException {
    List<String> lines = Files.readAllLines(data.resolve("dialtone-users.csv"));
    List<String> calls = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(";");
      calls.add(f.length < 3 ? line : f[0] + ";" + f[1] + ";" + f[2] + ";" + DIALLED);
    }
    Files.write(data.resolve("dialtone-calls.csv"), calls);
  }

  /** A customer account below a reseller and its administrator, as the tests seed them. */
  private static Admin seedCustomerAdmin(DialtoneServer server) throws SQLException, IOException {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String password = "Bench-" + UUID.randomUUID() + "-7";
    String totp = TotpCodes.newSecret();
    String key =
        Files.readString(Path.of(server.applicationSetting("DIALTONE_DATA_KEY_FILE"))).strip();
    DataCipher cipher = DataCipher.fromBase64Key(DataKeys.LEGACY_KEY_ID, key);
    try (Connection db =
        DriverManager.getConnection(
            server.applicationSetting("DIALTONE_DB_URL"),
            server.applicationSetting("DIALTONE_DB_USER"),
            server.applicationSetting("DIALTONE_DB_PASSWORD"))) {
      long reseller = account(db, 1L, "RESELLER", "Bench reseller " + unique);
      long customer = account(db, reseller, "CUSTOMER", "Bench customer " + unique);
      String email = "bench-admin-" + unique + "@example.test";
      long user;
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO app_user (account_id, email, display_name, status, password_hash,"
                  + " totp_secret, created_at) VALUES (?, ?, 'Bench admin', 'ACTIVE', ?, ?,"
                  + " UTC_TIMESTAMP(6))",
              Statement.RETURN_GENERATED_KEYS)) {
        insert.setLong(1, customer);
        insert.setString(2, email);
        insert.setString(3, new PasswordHasher().hash(password.toCharArray()));
        insert.setString(4, cipher.encrypt(totp));
        insert.executeUpdate();
        user = key(insert);
      }
      try (PreparedStatement grant =
          db.prepareStatement(
              "INSERT INTO user_role (user_id, role) VALUES (?, 'CUSTOMER_ADMIN')")) {
        grant.setLong(1, user);
        grant.executeUpdate();
      }
      return new Admin(customer, email, password, totp);
    }
  }

  private static long account(Connection db, long parent, String kind, String name)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO account (parent_id, kind, name, status, created_at)"
                + " VALUES (?, ?, ?, 'ACTIVE', UTC_TIMESTAMP(6))",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, parent);
      insert.setString(2, kind);
      insert.setString(3, name);
      insert.executeUpdate();
      return key(insert);
    }
  }

  private static long key(Statement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  /** Signs in, imports the CSV and downloads the credentials file; returns its path. */
  private static Path provision(String baseUrl, Admin admin, Path upload, Path downloads)
      throws IOException, InterruptedException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("dialtone.test.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--ignore-certificate-errors",
        "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory("sip-bench-chromium-"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false,
            "intl.accept_languages",
            "en-US,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("dialtone.test.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().pageLoadTimeout(WAIT);
      driver.get(baseUrl + "/signin.xhtml");
      type(driver, "signin:email", admin.email());
      type(driver, "signin:password", admin.password());
      click(driver, "signin:submit");
      String code = new TotpCodes().codeAt(admin.totpSecret(), TotpCodes.stepAt(Instant.now()));
      type(driver, "mfa:code", code);
      click(driver, "mfa:verify");
      new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/home.xhtml"));
      driver.get(baseUrl + "/extensions/import.xhtml");
      new WebDriverWait(driver, WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type='file']")))
          .sendKeys(upload.toAbsolutePath().toString());
      click(driver, "upload:submit");
      // The import runs in the background; the page polls its progress until one of these shows.
      new WebDriverWait(driver, WAIT)
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  !d.findElements(By.id("secrets:download")).isEmpty()
                      || !d.findElements(By.id("report")).isEmpty()
                      || !d.findElements(By.id("progress:failed")).isEmpty());
      if (driver.findElements(By.id("secrets:download")).isEmpty()) {
        List<WebElement> report = driver.findElements(By.id("report"));
        throw new IllegalStateException(
            "import refused or failed: "
                + (report.isEmpty()
                    ? driver.findElement(By.id("progress:failed")).getText()
                    : report.get(0).getText()));
      }
      click(driver, "secrets:download");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        try (Stream<Path> files = Files.list(downloads)) {
          List<Path> done = files.filter(f -> f.toString().endsWith(".csv")).toList();
          if (!done.isEmpty()) {
            Thread.sleep(500); // Chromium renames the file when it is complete
            return done.get(0);
          }
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("no credentials file downloaded");
    } finally {
      driver.quit();
    }
  }

  private static void type(WebDriver driver, String id, String text) {
    var input =
        new WebDriverWait(driver, WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  private static void click(WebDriver driver, String id) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
  }

  /**
   * sipp injection files from {@code number,sip_user,realm,secret}; returns the realm. Fields:
   * user; [authentication username=… password=…]; realm (the To/From domain); password.
   */
  private static String writeInjectionFiles(Path credentials, Path data) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(credentials)) {
      String[] f = line.strip().split(",");
      if (f.length == 4 && !f[0].equals("number")) {
        rows.add(f);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("the credentials file holds no extension");
    }
    Files.createDirectories(data);
    SecureRandom random = new SecureRandom();
    StringBuilder real = new StringBuilder("SEQUENTIAL\n");
    StringBuilder wrong = new StringBuilder("SEQUENTIAL\n");
    StringBuilder unknown = new StringBuilder("SEQUENTIAL\n");
    int i = 0;
    int skipped = 0;
    for (String[] f : rows) {
      if (f[3].regionMatches(true, 0, "0x", 0, 2)) {
        // sipp reads a password starting with 0x as hexadecimal (for AKA keys), so it would answer
        // these users' challenges with the wrong secret: about 1 in 4,096 generated secrets
        skipped++;
        continue;
      }
      String user = f[1];
      String realm = f[2];
      String secret = f[3];
      real.append(line(user, realm, secret));
      wrong.append(line(user, realm, otherSecret(secret, random)));
      // Unknown users: as long as the real ones (5 digits from 30000), in the same realm.
      unknown.append(line(Integer.toString(30_000 + i++), realm, otherSecret(secret, random)));
    }
    System.out.println(
        "[sip-bench] "
            + skipped
            + " extension(s) left out of the sipp files: secret starting with 0x");
    Files.writeString(data.resolve("dialtone-users.csv"), real);
    Files.writeString(data.resolve("dialtone-users-wrongpw.csv"), wrong);
    Files.writeString(data.resolve("dialtone-users-unknown.csv"), unknown);
    return rows.get(0)[2];
  }

  private static String line(String user, String realm, String password) {
    return user
        + ";[authentication username="
        + user
        + " password="
        + password
        + "];"
        + realm
        + ";"
        + password
        + "\n";
  }

  /** A base64url secret of the same length that is not {@code secret}. */
  private static String otherSecret(String secret, SecureRandom random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder other = new StringBuilder(secret.length());
    do {
      other.setLength(0);
      for (int k = 0; k < secret.length(); k++) {
        other.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    } while (other.toString().equals(secret));
    return other.toString();
  }

  private static void log(String message) {
    System.out.println("[sip-bench] " + message);
  }
}
