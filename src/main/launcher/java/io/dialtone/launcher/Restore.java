package io.dialtone.launcher;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.crypto.SecretKey;

/**
 * Restores a backup into an empty Dialtone: the embedded MariaDB of a new home, or an empty
 * external database. Everything that can be checked before the target is touched is checked first
 * (the manifest's signature, each file's key and integrity, the dump's tables against the manifest,
 * that the target is empty); then the dump is loaded and the result verified ({@link
 * RestoreCheck}). A failure after loading empties the target again and marks it unusable ({@value
 * RestoreCheck#MARKER} table), which the run command refuses to start on.
 */
public final class Restore {

  /** A restore that was refused or failed; its message says why, for the operator. */
  public static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message);
    }
  }

  private static final Pattern DEFINER =
      Pattern.compile("DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`\\s*");

  private Restore() {}

  /**
   * Restores {@code backup} into the Dialtone that {@code env} describes.
   *
   * @param replace whether a non-empty target may be emptied first
   * @return the report printed, one line per step
   */
  public static List<String> run(Map<String, String> env, Path backup, boolean replace)
      throws Failed, IOException, InterruptedException {
    List<String> report = new ArrayList<>();
    SecretKey key = BackupKey.load(BackupKey.file(env), false);
    BackupManifest manifest;
    Map<String, String> keys;
    try {
      keys = readKeys(backup, key);
      manifest = BackupManifest.read(backup, key);
      checkDump(backup, key, manifest);
    } catch (BackupEnvelope.Refused e) {
      throw new Failed(
          "Refused: the backup " + backup + " is " + e.getMessage() + "; nothing was changed.");
    }
    report.add(
        "Backup checked: %s, made %s by Dialtone %s, schema %s, %d tables, %d rows"
            .formatted(
                backup.getFileName(),
                manifest.createdAt(),
                manifest.dialtoneVersion(),
                manifest.flywayVersion(),
                manifest.tables().size(),
                manifest.totalRows()));

    DataKeyFiles keyFiles = DataKeyFiles.of(env);
    LauncherSettings settings = LauncherSettings.fromEnvironment(env);
    boolean embedded = settings.externalDbUrl().isEmpty();
    if (!replace && embedded && hasDatabaseFiles(settings.home())) {
      throw new Failed(
          "Refused: the home "
              + settings.home()
              + " already holds a database; nothing was changed"
              + " (restore into an empty home, or pass --replace).");
    }
    if (!replace && keyFiles.anyPresent() && !keyFiles.read().equals(keys)) {
      throw new Failed(
          "Refused: other data keys already exist at "
              + keyFiles.firstKey().getParent()
              + "; nothing was changed (restore into an empty home, or pass --replace).");
    }
    EmbeddedMariaDb server =
        embedded
            ? EmbeddedMariaDb.start(new DialtoneHome(settings.home()), settings.embeddedDbPort())
            : null;
    try {
      DatabaseAccess db = DatabaseAccess.of(env);
      List<String> existing = RestoreCheck.tables(db);
      if (!existing.isEmpty() && !replace) {
        throw new Failed(
            "Refused: the database "
                + db.describe()
                + " is not empty ("
                + existing.size()
                + " tables); nothing was changed (restore into an empty database, or pass"
                + " --replace).");
      }
      if (!existing.isEmpty()) {
        RestoreCheck.dropAll(db);
        report.add("Emptied " + db.describe() + " (" + existing.size() + " tables; --replace)");
      }
      try {
        load(db, backup, key);
        report.add("Loaded the dump into " + db.describe());
        report.addAll(RestoreCheck.verify(db, manifest, keys));
        keyFiles.write(keys);
        report.add(
            "Data keys "
                + String.join(",", keys.keySet())
                + " written to "
                + keyFiles.folder().getParent());
      } catch (Failed | IOException | RuntimeException e) {
        RestoreCheck.markFailed(db, e.getMessage());
        throw new Failed(
            "Restore failed: "
                + e.getMessage()
                + ". The database "
                + db.describe()
                + " was emptied and marked unusable (table "
                + RestoreCheck.MARKER
                + ").");
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    report.add("Restore complete: start Dialtone on it with the same settings.");
    return report;
  }

  /**
   * Verifies the audit chain of the database {@code env} names, as a restore does.
   *
   * @return the report line
   * @throws Failed when the chain is broken
   */
  public static String verifyAuditChain(Map<String, String> env) throws Failed, IOException {
    try (Connection c = DatabaseAccess.of(env).connect()) {
      return RestoreCheck.auditChain(c);
    } catch (SQLException e) {
      throw new IOException("The database did not answer: " + e.getMessage());
    }
  }

  private static Map<String, String> readKeys(Path backup, SecretKey key) throws IOException {
    Path file = backup.resolve(BackupManifest.KEYS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new BackupEnvelope.Refused("missing its keys file " + file.getFileName());
    }
    Map<String, String> keys = new LinkedHashMap<>();
    try (InputStream in = BackupEnvelope.open(Files.newInputStream(file), key)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          String[] idAndKey = line.split("=", 2);
          keys.put(idAndKey[0], idAndKey[1]);
        }
      }
    }
    return keys;
  }

  /** Decrypts the whole dump once without loading it: its digest must match the manifest's. */
  private static void checkDump(Path backup, SecretKey key, BackupManifest manifest)
      throws IOException {
    Path file = backup.resolve(BackupManifest.DATABASE_FILE);
    if (!Files.isRegularFile(file)) {
      throw new BackupEnvelope.Refused("missing its database file " + file.getFileName());
    }
    MessageDigest sha = sha256();
    DumpDigest digest = new DumpDigest();
    try (InputStream in = dumpStream(new DigestInputStream(Files.newInputStream(file), sha), key)) {
      in.transferTo(digest);
    } catch (java.util.zip.ZipException e) {
      throw new BackupEnvelope.Refused("damaged: its dump does not decompress");
    }
    if (!HexFormat.of().formatHex(sha.digest()).equals(manifest.databaseSha256())) {
      throw new BackupEnvelope.Refused(
          "altered: its database file is not the one its manifest names");
    }
    if (!digest.tables().equals(manifest.tables())) {
      throw new BackupEnvelope.Refused("inconsistent: its dump's tables differ from its manifest");
    }
  }

  private static InputStream dumpStream(InputStream file, SecretKey key) throws IOException {
    return new GZIPInputStream(
        BackupEnvelope.open(new BufferedInputStream(file, 1 << 16), key), 1 << 16);
  }

  /**
   * Pipes the dump into the {@code mariadb} client, without DEFINER clauses (another server's
   * users).
   */
  private static void load(DatabaseAccess db, Path backup, SecretKey key)
      throws IOException, InterruptedException, Failed {
    Path errors = Files.createTempFile("dialtone-restore", ".err");
    Process client =
        db.client()
            .redirectError(errors.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (InputStream in =
            dumpStream(Files.newInputStream(backup.resolve(BackupManifest.DATABASE_FILE)), key);
        OutputStream out = client.getOutputStream()) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 16);
      int b;
      InputStream buffered = new BufferedInputStream(in, 1 << 16);
      while ((b = buffered.read()) >= 0) {
        line.write(b);
        if (b == '\n') {
          writeLine(out, line);
        }
      }
      writeLine(out, line);
    } catch (IOException e) {
      client.destroy();
      throw e;
    }
    int exit = client.waitFor();
    String message = Files.readString(errors).strip();
    Files.delete(errors);
    if (exit != 0) {
      throw new Failed("the mariadb client stopped (" + exit + "): " + message);
    }
  }

  /**
   * Writes one line of the dump; a trigger's or routine's header (never a row of data) loses its
   * DEFINER, so the objects belong to the restoring user.
   */
  private static void writeLine(OutputStream out, ByteArrayOutputStream line) throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    if (bytes.length > 0 && bytes.length < 4096 && (bytes[0] == '/' || bytes[0] == 'C')) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("/*!50003 CREATE*/ /*!50017 DEFINER=")
          || text.startsWith("CREATE DEFINER=")) {
        out.write(DEFINER.matcher(text).replaceFirst("").getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    out.write(bytes);
  }

  private static boolean hasDatabaseFiles(Path home) throws IOException {
    Path data = home.resolve("mariadb/data");
    if (!Files.isDirectory(data)) {
      return false;
    }
    try (var entries = Files.list(data)) {
      return entries.findAny().isPresent();
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The restore command ({@code bin/dialtone restore <backup folder> [--replace]}; {@code
   * --replace} empties a non-empty target first). {@code mvn -Prestore package} passes the same as
   * {@code dialtone.restore.from} and {@code dialtone.restore.replace}.
   */
  public static void main(String[] args) throws Exception {
    List<String> words = List.of(args);
    String from =
        System.getProperty(
            "dialtone.restore.from",
            words.stream().filter(w -> !w.startsWith("--")).findFirst().orElse(""));
    boolean replace = Boolean.getBoolean("dialtone.restore.replace") || words.contains("--replace");
    if (from.isBlank()) {
      System.err.println("Restore: name the backup folder (dialtone restore <folder> [--replace])");
      System.exit(2);
    }
    try {
      run(System.getenv(), Path.of(from), replace).forEach(System.out::println);
    } catch (Failed | RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
