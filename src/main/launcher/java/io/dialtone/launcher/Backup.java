package io.dialtone.launcher;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import javax.crypto.SecretKey;

/**
 * Takes a backup of a running Dialtone without stopping it: {@code mariadb-dump
 * --single-transaction} (one consistent snapshot, no locks: registrations and calls go on),
 * compressed and encrypted with the backup key as it streams, the data keys in a file of their own
 * encrypted the same way, and a signed manifest. A backup is written to a {@code .partial} folder
 * and renamed when complete, so a crashed run never looks like a backup; then only the newest
 * {@code keep} backups of the folder are kept.
 */
public final class Backup {

  static final String PREFIX = "dialtone-";
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS'Z'").withZone(ZoneOffset.UTC);

  private Backup() {}

  /**
   * Backs up the Dialtone that {@code env} describes (the run command's settings) into a new folder
   * of {@code folder}.
   */
  public static Path take(Map<String, String> env, Path folder, int keep, String version)
      throws IOException, InterruptedException {
    SecretKey key = BackupKey.load(BackupKey.file(env), true);
    DatabaseAccess db = DatabaseAccess.of(env);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Files.createDirectories(folder);
    Path done = folder.resolve(PREFIX + NAME.format(now));
    Path partial = folder.resolve(done.getFileName() + ".partial");
    Files.createDirectory(partial);
    long started = System.nanoTime();

    DumpDigest digest = new DumpDigest();
    String sha256 = dump(db, partial.resolve(BackupManifest.DATABASE_FILE), key, digest);
    Map<String, String> keys = DataKeyFiles.of(env).read();
    if (keys.isEmpty()) {
      throw new IllegalStateException("No data key found: a backup without it could not be read");
    }
    try (OutputStream out =
        BackupEnvelope.seal(
            Files.newOutputStream(partial.resolve(BackupManifest.KEYS_FILE)), key)) {
      out.write(
          keys.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue() + "\n")
              .collect(Collectors.joining())
              .getBytes(StandardCharsets.US_ASCII));
    }
    BackupManifest manifest =
        new BackupManifest(
            version, flywayVersion(db), now, sha256, List.copyOf(keys.keySet()), digest.tables());
    manifest.write(partial, key);
    Files.move(partial, done);
    List<Path> removed = prune(folder, keep);
    System.out.printf(
        "Backup %s: %d tables, %d rows, schema version %s, data keys %s, %d bytes, %d ms%n",
        done,
        manifest.tables().size(),
        manifest.totalRows(),
        manifest.flywayVersion(),
        String.join(",", manifest.keyIds()),
        Files.size(done.resolve(BackupManifest.DATABASE_FILE)),
        (System.nanoTime() - started) / 1_000_000);
    removed.forEach(old -> System.out.println("Removed the old backup " + old));
    return done;
  }

  /** Streams the dump through the digest into the encrypted file; the file's SHA-256. */
  private static String dump(DatabaseAccess db, Path file, SecretKey key, DumpDigest digest)
      throws IOException, InterruptedException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path errors = Files.createTempFile(file.getParent(), "dump", ".err");
    Process dump = db.dump().redirectError(errors.toFile()).start();
    try (InputStream in = dump.getInputStream();
        OutputStream sealed =
            new GZIPOutputStream(
                BackupEnvelope.seal(
                    new DigestOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha),
                    key),
                1 << 16)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.write(buffer, 0, n);
        sealed.write(buffer, 0, n);
      }
    }
    int exit = dump.waitFor();
    String message = Files.readString(errors).strip();
    Files.delete(errors);
    if (exit != 0) {
      throw new IllegalStateException(
          "mariadb-dump of " + db.describe() + " failed (" + exit + "): " + message);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static String flywayVersion(DatabaseAccess db) throws IOException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT"
                    + " NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return r.next() ? r.getString(1) : "none";
    } catch (SQLException e) {
      throw new IOException("The database " + db.describe() + " did not answer: " + e.getMessage());
    }
  }

  /** Deletes all but the newest {@code keep} complete backups of {@code folder}. */
  static List<Path> prune(Path folder, int keep) throws IOException {
    List<Path> backups;
    try (var entries = Files.list(folder)) {
      backups =
          entries
              .filter(Files::isDirectory)
              .filter(p -> p.getFileName().toString().startsWith(PREFIX))
              .filter(p -> !p.getFileName().toString().endsWith(".partial"))
              .sorted()
              .toList();
    }
    List<Path> removed = new ArrayList<>();
    for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
      try (var files = Files.list(old)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(old);
      removed.add(old);
    }
    return removed;
  }

  /**
   * The backup command ({@code bin/dialtone backup}, or {@code mvn -Pbackup package}): the folder
   * from {@code DIALTONE_BACKUP_DIR} (default the home's {@code backups}), the number kept from
   * {@code DIALTONE_BACKUP_KEEP} (7).
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path folder =
        Path.of(
            env.getOrDefault(
                "DIALTONE_BACKUP_DIR",
                LauncherSettings.fromEnvironment(env).home().resolve("backups").toString()));
    int keep = Integer.parseInt(env.getOrDefault("DIALTONE_BACKUP_KEEP", "7"));
    try {
      take(env, folder, keep, Dialtone.version());
    } catch (RuntimeException | IOException e) {
      System.err.println("Backup failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
