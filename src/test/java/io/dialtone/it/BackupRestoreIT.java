package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.bench.CdrDistribution;
import io.dialtone.bench.CdrGenerator;
import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.Backup;
import io.dialtone.launcher.BackupFixtures;
import io.dialtone.launcher.DialtoneServer;
import io.dialtone.launcher.Restore;
import io.dialtone.platform.control.DataCipher;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The restore drill (docs/operations.md): a backup of the shared server taken while a phone keeps
 * registering, restored into a new home, and Dialtone started on that home (its one server of its
 * own): the restore verified every table's rows and checksum, the schema, the audit chain and a
 * secret; on the restored server the chain still verifies, the administrator signs in with the same
 * password and TOTP secret and the phone registers with the same SIP secret; then its database is
 * stopped and readiness turns DOWN. And the refusals: a backup under another key, an altered file
 * or manifest, a non-empty target, each with a clear message and the target untouched.
 */
@ExtendWith(RunningDialtone.class)
class BackupRestoreIT {

  private static final int HTTP = 17080;
  private static final int HTTPS = 17443;
  private static final int DB = 3316;
  private static final int SIP = 5096;
  private static final int CDRS = 500;
  private static final int ROTATED = 3000;

  @Test
  void theRestoreDrill(DialtoneServer source) throws Exception {
    TestUsers db = new TestUsers(source);
    long account = db.newCustomerAccount();
    SeededUser admin = db.user("CUSTOMER_ADMIN", account);
    long usedStep = Totp.currentStep();
    Extension phone = SipExtensions.create(source, admin, "301").get("301");
    writeCdrs(source, account);
    Path key = backupKey();
    Path backups = RunningDialtone.freshHome("backups");

    AtomicBoolean backingUp = new AtomicBoolean(true);
    List<Sipp.Result> during = new ArrayList<>();
    ExecutorService load = Executors.newSingleThreadExecutor();
    Path backup;
    try {
      Future<?> registering =
          load.submit(
              () -> {
                do {
                  during.add(Sipp.run("register", phone.number(), phone.secret(), phone.realm()));
                } while (backingUp.get());
                return null;
              });
      backup = Backup.take(sourceEnv(source, key), backups, 2, "drill");
      backingUp.set(false);
      registering.get();
    } finally {
      backingUp.set(false);
      load.shutdownNow();
    }
    assertThat(during)
        .as("REGISTERs while the backup ran")
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.passed()).as(r.output()).isTrue());
    Properties manifest = manifest(backup);
    assertThat(rows(manifest, "cdr")).isGreaterThanOrEqualTo(CDRS);
    assertThat(rows(manifest, "extension")).isPositive();
    assertThat(manifest.getProperty("flyway.version")).isNotBlank();
    String dataKey =
        Files.readString(Path.of(source.applicationSetting("DIALTONE_DATA_KEY_FILE"))).strip();
    assertThat(
            new String(Files.readAllBytes(backup.resolve("keys.enc")), StandardCharsets.ISO_8859_1))
        .as("the keys file is encrypted")
        .doesNotContain(dataKey);
    assertThat(
            new String(
                Files.readAllBytes(backup.resolve("database.sql.gz.enc")),
                StandardCharsets.ISO_8859_1))
        .doesNotContain("INSERT INTO", phone.realm());

    Map<String, String> target = targetEnv(RunningDialtone.serverHome("restored"), key);
    List<String> report = Restore.run(target, backup, false);
    assertThat(String.join("\n", report))
        .contains("all " + manifest.getProperty("tables") + " tables match the manifest")
        .contains("Audit chain: intact")
        .contains("Stored secrets: decrypt with key")
        .contains("Restore complete");

    DialtoneServer[] running = {RunningDialtone.startServer(target)};
    try {
      DialtoneServer restored = running[0];
      TestUsers copy = new TestUsers(restored);
      for (String table : List.of("account", "app_user", "extension", "cdr", "rate")) {
        assertThat(((Number) copy.queryValue("SELECT COUNT(*) FROM " + table)).longValue())
            .as(table)
            .isEqualTo(rows(manifest, table));
      }
      assertThat(Restore.verifyAuditChain(target)).startsWith("Audit chain: intact");
      Totp.stepAfter(usedStep);
      try (Browser browser = new Browser(restored.baseUrl())) {
        SignIn.withBothFactors(browser, admin);
      }
      Sipp.Result registered =
          Sipp.run("register", phone.number(), phone.secret(), phone.realm(), SIP);
      assertThat(registered.passed()).as(registered.output()).isTrue();
      Sipp.Result refused =
          Sipp.run("register", phone.number(), "not-the-secret-00000", phone.realm(), SIP);
      assertThat(refused.passed()).isFalse();

      restored = rotateThroughAKill(running, target, account, phone);
      assertThat(Https.get(restored.baseUrl() + "/health/ready").statusCode()).isEqualTo(200);
      restored.stopDatabase();
      HttpResponse<String> ready = awaitReadiness(restored, 503);
      assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\"}");
      assertThat(Https.get(restored.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
    } finally {
      running[0].close();
    }
    assertJsonLines(Path.of(target.get("DIALTONE_HOME"), "logs", "server.log"), phone);
  }

  /**
   * Key rotation under registration load through a crash, on the restored server (booted anyway):
   * {@value #ROTATED} more extensions' secrets, sipp registering the phone in a loop, the
   * operator's {@code bin/dialtone rotate-keys k2} (a second one refused while it runs), {@code
   * kill -9} of Payara Micro once the rotation has moved some secrets and not all, a start on the
   * same home; the rotation finishes there: every stored secret decrypts with k2 (read with k2's
   * file alone), the phone registers with its old password, no REGISTER failed except while the JVM
   * was down, and {@code bin/dialtone retire-key k1} retires the old key (then refused as a
   * target). The command line's start and retirement are audited by the restarted node. Returns the
   * running server.
   */
  private static DialtoneServer rotateThroughAKill(
      DialtoneServer[] running, Map<String, String> target, long account, Extension phone)
      throws Exception {
    TestUsers db = new TestUsers(running[0]);
    try (Connection c = db.connect()) {
      try (var copy =
          c.prepareStatement(
              """
              INSERT INTO extension (account_id, number, display_name, type, status, realm,
                                     ha1_sha256, ha1_md5, secret_changed_at, created_at)
              SELECT account_id, ?, display_name, type, 'DISABLED', realm, ha1_sha256, ha1_md5,
                     secret_changed_at, created_at
              FROM extension WHERE account_id = ? AND number = ?""")) {
        c.setAutoCommit(false);
        for (int i = 0; i < ROTATED; i++) {
          copy.setString(1, Integer.toString(10_000 + i));
          copy.setLong(2, account);
          copy.setString(3, phone.number());
          copy.executeUpdate(); // one by one: the driver cannot batch an INSERT ... SELECT
        }
        c.commit();
      }
    }
    String underK2 =
        """
        SELECT COUNT(*) FROM extension
        WHERE ha1_md5 LIKE 'v1:k2:%' AND ha1_sha256 LIKE 'v1:k2:%'""";
    long secrets = ((Number) db.queryValue("SELECT COUNT(*) FROM extension")).longValue();

    record Attempt(Instant start, Instant end, Sipp.Result result) {}
    List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean rotating = new AtomicBoolean(true);
    ExecutorService load = Executors.newSingleThreadExecutor();
    Instant killedAt;
    Instant backAt;
    try {
      Future<?> registering =
          load.submit(
              () -> {
                while (rotating.get()) {
                  Instant start = Instant.now();
                  Sipp.Result r =
                      Sipp.run("register", phone.number(), phone.secret(), phone.realm(), SIP);
                  attempts.add(new Attempt(start, Instant.now(), r));
                }
                return null;
              });
      String started = dialtone(target, 0, "rotate-keys", "k2");
      assertThat(started).contains("New key k2 written to").contains("Rotation from k1 to k2");
      Path keyFile = Path.of(target.get("DIALTONE_HOME"), "secrets", "keys", "k2.key");
      assertThat(Files.getPosixFilePermissions(keyFile))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      assertThat(dialtone(target, 1, "rotate-keys", "k3"))
          .contains("A rotation is running: wait until it has finished.");
      assertThat(keyFile.resolveSibling("k3.key")).doesNotExist();

      long moved = awaitLong(db, "SELECT rewritten FROM data_key_rotation WHERE state = 'RUNNING'");
      assertThat(moved).as("the job moved secrets before the kill").isPositive();
      ProcessHandle payara = ProcessHandle.of(running[0].pid()).orElseThrow();
      killedAt = Instant.now();
      new ProcessBuilder("kill", "-9", Long.toString(payara.pid())).start().waitFor();
      payara.onExit().get();
      long left = ((Number) db.queryValue(underK2)).longValue();
      assertThat(left).as("secrets under k2 at the kill").isLessThan(secrets);
      running[0].close(); // Payara is gone; this stops the embedded database for the new start
      running[0] = RunningDialtone.startServer(target);
      backAt = Instant.now();
      db = new TestUsers(running[0]);
      awaitLong(db, "SELECT COUNT(*) FROM data_key_rotation WHERE state = 'FINISHED'");
      rotating.set(false);
      registering.get();
    } finally {
      rotating.set(false);
      load.shutdownNow();
    }
    assertThat(attempts).as("REGISTERs before the kill").anyMatch(a -> a.end().isBefore(killedAt));
    assertThat(attempts).as("REGISTERs after the restart").anyMatch(a -> a.start().isAfter(backAt));
    assertThat(attempts)
        .as("REGISTERs that failed while the JVM was up")
        .filteredOn(a -> a.end().isBefore(killedAt) || a.start().isAfter(backAt))
        .allSatisfy(a -> assertThat(a.result().passed()).as(a.result().output()).isTrue());
    assertThat(((Number) db.queryValue(underK2)).longValue()).isEqualTo(secrets);
    DataCipher k2 =
        DataCipher.fromBase64Key(
            "k2",
            Files.readString(Path.of(target.get("DIALTONE_HOME"), "secrets", "keys", "k2.key")));
    try (Connection c = db.connect();
        var rows = c.createStatement().executeQuery("SELECT ha1_md5, ha1_sha256 FROM extension")) {
      while (rows.next()) {
        assertThat(k2.decrypt(rows.getString(1))).hasSize(32);
        assertThat(k2.decrypt(rows.getString(2))).hasSize(64);
      }
    }
    assertThat(
            db.queryValue(
                "SELECT COUNT(*) FROM app_user WHERE totp_secret IS NOT NULL"
                    + " AND totp_secret NOT LIKE 'v1:k2:%'"))
        .isEqualTo(0L);
    Sipp.Result after = Sipp.run("register", phone.number(), phone.secret(), phone.realm(), SIP);
    assertThat(after.passed()).as(after.output()).isTrue();

    assertThat(dialtone(target, 1, "retire-key", "k2")).contains("Key k2 is the current key");
    assertThat(dialtone(target, 0, "retire-key", "k1")).contains("Key k1 retired");
    assertThat(dialtone(target, 1, "rotate-keys", "k1")).contains("Key k1 is retired");
    awaitLong(
        db,
        """
        SELECT COUNT(*) FROM audit_event WHERE actor = 'operator'
          AND action IN ('DATA_KEY_ROTATION_STARTED', 'DATA_KEY_RETIRED')
        HAVING COUNT(*) = 2""");
    assertThat(db.queryValue("SELECT state FROM data_key WHERE key_id = 'k1'"))
        .isEqualTo("RETIRED");
    return running[0];
  }

  /** Runs the release's {@code bin/dialtone} with {@code env}; its output, after its exit code. */
  private static String dialtone(Map<String, String> env, int exitCode, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("dialtone.dist"), "bin", "dialtone").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isEqualTo(exitCode);
    return output;
  }

  /** Waits (up to 3 minutes) for {@code sql} to answer a positive number. */
  private static long awaitLong(TestUsers db, String sql) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      Object value = db.queryValue(sql);
      if (value instanceof Number n && n.longValue() > 0) {
        return n.longValue();
      }
      assertThat(Instant.now()).as("waiting for: " + sql).isBefore(deadline);
      Thread.sleep(100); // polling the database for the signal, bounded by the deadline
    }
  }

  /**
   * The restored server ran with JSON logs: Python's own JSON parser reads every log line as one
   * object with time, level, logger and message; audit lines carry their fields; the SIP failure
   * line is the plain text the fail2ban filter matches (its regular expression, from {@code
   * docker/fail2ban/dialtone-sip.conf}).
   */
  private static void assertJsonLines(Path log, Extension phone) throws Exception {
    String failregex =
        Files.readAllLines(Path.of("docker/fail2ban/dialtone-sip.conf")).stream()
            .filter(line -> line.startsWith("failregex = "))
            .map(line -> line.substring("failregex = ".length()))
            .findFirst()
            .orElseThrow()
            .replace("<HOST>", "(?P<host>[0-9.]+)");
    String script =
        """
        import json, re, sys
        fail = re.compile(sys.argv[2])
        jvm = re.compile(r"WARNING: (A terminally deprecated method|sun[.]misc[.]Unsafe|Please consider reporting)")
        counts = {"json": 0, "audit": 0, "sipfail": 0, "other": 0}
        for line in open(sys.argv[1], encoding="utf-8"):
            line = line.rstrip("\\n")
            if not line.strip():
                continue
            if line.startswith("SIP-FAIL "):
                assert fail.search(line), line
                counts["sipfail"] += 1
                continue
            if jvm.match(line):
                continue  # the JVM's own warnings on stderr, not log records
            try:
                record = json.loads(line)
            except ValueError:
                counts["other"] += 1
                print("NOT JSON: " + line[:200])
                continue
            assert set(["time", "level", "logger", "message"]) <= set(record), line
            counts["json"] += 1
            if record.get("audit"):
                assert record["action"] and record["result"] and record["hash"], line
                counts["audit"] += 1
        print(json.dumps(counts))
        """;
    Process python =
        new ProcessBuilder("/usr/bin/python3", "-c", script, log.toString(), failregex)
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(output).isZero();
    assertThat(output).as(output).contains("\"other\": 0").doesNotContain("\"json\": 0,");
    assertThat(output).doesNotContain("\"audit\": 0,").doesNotContain("\"sipfail\": 0}");
    assertThat(Files.readString(log)).contains("user=" + phone.number() + "@" + phone.realm());
  }

  @Test
  void aWronglyKeyedOrAlteredBackupOrANonEmptyTargetIsRefused(DialtoneServer source)
      throws Exception {
    Path key = backupKey();
    Path backup = Backup.take(sourceEnv(source, key), RunningDialtone.freshHome("backups"), 2, "t");
    Path home = RunningDialtone.freshHome("refused");

    Path otherKey = backupKey();
    assertRefused(targetEnv(home, otherKey), backup, "made with another backup key");

    byte[] original = Files.readAllBytes(backup.resolve("database.sql.gz.enc"));
    Path damaged = copy(backup);
    byte[] bytes = original.clone();
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(damaged.resolve("database.sql.gz.enc"), bytes);
    assertRefused(targetEnv(home, key), damaged, "altered or damaged at segment");

    // cut from the intact backup: cut from the damaged copy, a database of more than a couple of
    // segments is refused for the damage first
    Path cut = copy(backup);
    Files.write(
        cut.resolve("database.sql.gz.enc"),
        java.util.Arrays.copyOf(original, original.length - 100));
    assertRefused(targetEnv(home, key), cut, "is cut short");

    Path forged = copy(backup);
    String text = Files.readString(forged.resolve("manifest.properties"));
    Files.writeString(
        forged.resolve("manifest.properties"), text.replaceFirst("(table\\.cdr=)\\d+", "$19"));
    assertRefused(targetEnv(home, key), forged, "does not match its signature");

    assertThat(home).isEmptyDirectory();

    TestUsers db = new TestUsers(source);
    Object users = db.queryValue("SELECT COUNT(*) FROM app_user");
    Map<String, String> external = new HashMap<>(targetEnv(home, key));
    external.put("DIALTONE_DB_URL", source.applicationSetting("DIALTONE_DB_URL"));
    external.put("DIALTONE_DB_USER", source.applicationSetting("DIALTONE_DB_USER"));
    external.put("DIALTONE_DB_PASSWORD", source.applicationSetting("DIALTONE_DB_PASSWORD"));
    external.put(
        "DIALTONE_MARIADB_BIN", source.applicationSetting("DIALTONE_HOME") + "/mariadb/base/bin");
    assertRefused(external, backup, "is not empty");
    assertThat(db.queryValue("SELECT COUNT(*) FROM app_user")).isEqualTo(users);

    // A failure after loading (here: the schema is not the version the manifest names) empties
    // the target and marks it unusable; the launcher then refuses to start on it.
    Path wrongSchema = copy(backup);
    BackupFixtures.claimSchemaVersion(wrongSchema, key, "999");
    Map<String, String> target = targetEnv(home, key);
    assertThatThrownBy(() -> Restore.run(target, wrongSchema, false))
        .isInstanceOf(Restore.Failed.class)
        .hasMessageContaining("schema version")
        .hasMessageContaining("the backup's is 999")
        .hasMessageContaining("was emptied and marked unusable (table dialtone_restore_failed)");
    assertThatThrownBy(() -> RunningDialtone.startServer(target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The database was emptied by a failed restore (table dialtone_restore_failed):"
                + " restore a backup again (--replace) before starting Dialtone");
    assertThat(Path.of(target.get("DIALTONE_HOME"), "logs", "server.log"))
        .as("Payara Micro never started")
        .doesNotExist();
  }

  private static void assertRefused(Map<String, String> env, Path backup, String why) {
    assertThatThrownBy(() -> Restore.run(env, backup, false))
        .isInstanceOf(Restore.Failed.class)
        .hasMessageContaining(why)
        .hasMessageContaining("nothing was changed");
  }

  private static HttpResponse<String> awaitReadiness(DialtoneServer server, int status)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      HttpResponse<String> answer = Https.get(server.baseUrl() + "/health/ready");
      if (answer.statusCode() == status || Instant.now().isAfter(deadline)) {
        assertThat(answer.statusCode()).isEqualTo(status);
        return answer;
      }
      Thread.sleep(200); // polling the endpoint for its change, bounded by the deadline
    }
  }

  private static Map<String, String> sourceEnv(DialtoneServer source, Path key) {
    return Map.of(
        "DIALTONE_HOME", source.applicationSetting("DIALTONE_HOME"),
        "DIALTONE_EMBEDDED_DB_PORT", System.getProperty("dialtone.test.db-port", "3317"),
        "DIALTONE_DATA_KEYS_DIR", source.applicationSetting("DIALTONE_DATA_KEYS_DIR"),
        "DIALTONE_BACKUP_KEY_FILE", key.toString());
  }

  private static Map<String, String> targetEnv(Path home, Path key) {
    return Map.ofEntries(
        Map.entry("DIALTONE_HOME", home.toString()),
        Map.entry("DIALTONE_HTTP_PORT", Integer.toString(HTTP)),
        Map.entry("DIALTONE_HTTPS_PORT", Integer.toString(HTTPS)),
        Map.entry("DIALTONE_EMBEDDED_DB_PORT", Integer.toString(DB)),
        Map.entry("DIALTONE_BACKUP_KEY_FILE", key.toString()),
        Map.entry("DIALTONE_SIP_ENABLED", "true"),
        Map.entry("DIALTONE_SIP_LISTEN_ADDRESS", "127.0.0.1"),
        Map.entry("DIALTONE_SIP_PORT", Integer.toString(SIP)),
        Map.entry("DIALTONE_SIP_TLS_PORT", Integer.toString(SIP + 1)),
        Map.entry("DIALTONE_SIP_MD5_FIRST_AGENTS", "sipp"),
        Map.entry("DIALTONE_LOG_FORMAT", "json"));
  }

  private static Path backupKey() throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = RunningDialtone.freshHome("backup-key").resolve("backup.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(key));
    return file;
  }

  private static Properties manifest(Path backup) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(backup.resolve("manifest.properties"))));
    return p;
  }

  private static long rows(Properties manifest, String table) {
    return Long.parseLong(manifest.getProperty("table." + table).split(" ")[0]);
  }

  private static Path copy(Path backup) throws IOException {
    Path copy = RunningDialtone.freshHome("copy");
    try (var files = Files.list(backup)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private static void writeCdrs(DialtoneServer server, long account) throws Exception {
    ZoneId zone = ZoneId.of("America/Toronto");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var calls =
        new CdrDistribution(account, zone, "514", 5, 7)
            .calls(CDRS, now.minus(20, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS));
    String url = server.applicationSetting("DIALTONE_DB_URL");
    try (Connection c =
        DriverManager.getConnection(
            url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true",
            server.applicationSetting("DIALTONE_DB_USER"),
            server.applicationSetting("DIALTONE_DB_PASSWORD"))) {
      c.setAutoCommit(false);
      CdrGenerator.writeAccount(c, calls, zone);
      c.commit();
    }
  }
}
