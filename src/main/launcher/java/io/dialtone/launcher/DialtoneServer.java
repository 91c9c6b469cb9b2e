package io.dialtone.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dialtone as the README's run command and the black-box tests start it: an embedded MariaDB
 * (unless an external one is configured), a TLS keystore, a data key, then Payara Micro with the
 * WAR. Closing it stops Payara Micro first, then the database.
 */
public final class DialtoneServer implements AutoCloseable {

  /** The line the application prints while no platform administrator exists. */
  public static final Pattern SETUP_LINK =
      Pattern.compile("(https://\\S+/setup\\.xhtml\\?token=[A-Za-z0-9_-]+)");

  private final LauncherSettings settings;
  private final EmbeddedMariaDb database;
  private final PayaraMicroProcess payara;
  private final Map<String, String> appEnv;

  private DialtoneServer(
      LauncherSettings settings,
      EmbeddedMariaDb database,
      PayaraMicroProcess payara,
      Map<String, String> appEnv) {
    this.settings = settings;
    this.database = database;
    this.payara = payara;
    this.appEnv = Map.copyOf(appEnv);
  }

  /** Starts everything and returns once Payara Micro is ready to serve. */
  public static DialtoneServer start(
      Map<String, String> environment, Path war, Path microJar, boolean echo) {
    LauncherSettings settings = LauncherSettings.fromEnvironment(environment);
    DialtoneHome home = new DialtoneHome(settings.home());
    Map<String, String> appEnv = new HashMap<>();
    EmbeddedMariaDb database = null;
    if (settings.externalDbUrl().isEmpty()) {
      database = EmbeddedMariaDb.start(home, settings.embeddedDbPort());
      appEnv.put("DIALTONE_DB_URL", database.jdbcUrl());
      appEnv.put("DIALTONE_DB_USER", database.user());
      appEnv.put("DIALTONE_DB_PASSWORD", database.password());
    }
    refuseFailedRestore(environment, database);
    if (!environment.containsKey("DIALTONE_DATA_KEY")
        && !environment.containsKey("DIALTONE_DATA_KEY_FILE")) {
      home.secret("data-key", 32);
      appEnv.put("DIALTONE_DATA_KEY_FILE", home.file("secrets", "data-key").toString());
    }
    // Further data keys (rotation) go here; the health check watches the home's free space.
    appEnv.put(
        "DIALTONE_DATA_KEYS_DIR",
        environment.getOrDefault("DIALTONE_DATA_KEYS_DIR", home.dir("secrets/keys").toString()));
    appEnv.put("DIALTONE_HOME", settings.home().toString());
    appEnv.put("DIALTONE_PUBLIC_URL", settings.publicUrl());
    // Without an SMTP server, mail goes to files here; SMTP, throttling and SIP settings pass
    // through.
    appEnv.put(
        "DIALTONE_MAIL_OUTBOX",
        environment.getOrDefault("DIALTONE_MAIL_OUTBOX", home.dir("outbox").toString()));
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("DIALTONE_SMTP_")
              || name.startsWith("DIALTONE_THROTTLE_")
              || name.startsWith("DIALTONE_CALLPOLICY_")
              || name.startsWith("DIALTONE_CALL_")
              || name.startsWith("DIALTONE_TRUNK_")
              || name.startsWith("DIALTONE_SIP_")
              || name.startsWith("DIALTONE_METRICS_")
              || name.startsWith("DIALTONE_DATA_KEYS_")) {
            appEnv.put(name, value);
          }
        });
    try {
      PayaraMicroProcess payara =
          PayaraMicroProcess.start(
              PayaraMicroProcess.command(
                  microJar,
                  war,
                  systemProperties(settings, home, environment),
                  PayaraRuntimeConfig.preBootCommands(home, URI.create(settings.publicUrl())),
                  ServerCipherOrder.jar(home),
                  LogFormat.properties(environment, home, microJar),
                  settings.httpPort(),
                  settings.httpsPort()),
              appEnv,
              echo,
              home.file("logs", "server.log"));
      DialtoneServer server = new DialtoneServer(settings, database, payara, appEnv);
      payara.awaitReady(Duration.ofMinutes(4));
      return server;
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      throw e;
    }
  }

  /** A database emptied by a failed restore must not become a new, empty Dialtone. */
  private static void refuseFailedRestore(Map<String, String> env, EmbeddedMariaDb database) {
    boolean marked;
    try {
      marked = RestoreCheck.markedFailed(DatabaseAccess.of(env));
    } catch (IOException | RuntimeException e) {
      marked = false; // an unreachable or unusual database is the application's to report
    }
    if (marked) {
      if (database != null) {
        database.close();
      }
      throw new IllegalStateException(
          "The database was emptied by a failed restore (table "
              + RestoreCheck.MARKER
              + "): restore a backup again (--replace) before starting Dialtone");
    }
  }

  private static Path systemProperties(
      LauncherSettings settings, DialtoneHome home, Map<String, String> env) {
    Path keystore;
    String password;
    if (settings.keystore().isPresent()) {
      keystore = settings.keystore().get();
      password = env.getOrDefault("DIALTONE_TLS_KEYSTORE_PASSWORD", "");
    } else {
      password = home.secret("keystore-password", 24);
      keystore = SelfSignedCertificate.ensure(home, password);
    }
    try {
      return PayaraRuntimeConfig.systemProperties(home, keystore, password);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "https://localhost:" + settings.httpsPort();
  }

  public String httpUrl() {
    return "http://localhost:" + settings.httpPort();
  }

  /** A setting as passed to the application (e.g. {@code DIALTONE_DB_URL}), for test fixtures. */
  public String applicationSetting(String name) {
    return appEnv.get(name);
  }

  public int httpPort() {
    return settings.httpPort();
  }

  public int httpsPort() {
    return settings.httpsPort();
  }

  /** The newest setup link printed so far, waiting up to {@code timeout} for the first. */
  public Optional<String> setupLink(Duration timeout) {
    payara.awaitLine(SETUP_LINK, timeout);
    return payara.linesMatching(SETUP_LINK).stream()
        .reduce((first, second) -> second)
        .map(SETUP_LINK::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1));
  }

  /** Console lines printed so far that match {@code pattern}. */
  public java.util.List<String> consoleLines(Pattern pattern) {
    return payara.linesMatching(pattern);
  }

  /** The operating system's id of the Payara Micro process (its threads, its sockets). */
  public long pid() {
    return payara.pid();
  }

  /**
   * Stops the embedded database under the running application, as an outage would (tests of
   * readiness); {@link #close()} still stops everything else.
   */
  public void stopDatabase() {
    if (database != null) {
      database.close();
    }
  }

  /** Blocks until Payara Micro exits by itself (the run command). */
  public int awaitExit() throws InterruptedException {
    return payara.waitFor();
  }

  @Override
  public void close() {
    payara.close();
    if (database != null) {
      database.close();
    }
  }
}
