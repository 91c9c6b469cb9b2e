package io.dialtone.launcher;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * What a backup holds, in {@code manifest.properties} beside its files: readable without the key
 * (to list and choose backups), signed with it ({@code manifest.mac}, HMAC-SHA256 with the manifest
 * key derived from the backup key; format 1 signed with the backup key itself) so a restore trusts
 * no figure an intruder changed. Holds the Dialtone and schema versions, the time, the encrypted
 * files' digests, the key ids, and each table's row count and checksum.
 */
record BackupManifest(
    String dialtoneVersion,
    String flywayVersion,
    Instant createdAt,
    String databaseSha256,
    List<String> keyIds,
    Map<String, DumpDigest.Table> tables) {

  static final String FILE = "manifest.properties";
  static final String MAC_FILE = "manifest.mac";
  static final String DATABASE_FILE = "database.sql.gz.enc";
  static final String KEYS_FILE = "keys.enc";

  String text() {
    StringBuilder out = new StringBuilder("# Dialtone backup manifest\n");
    out.append("format=2\n");
    out.append("dialtone.version=").append(dialtoneVersion).append('\n');
    out.append("flyway.version=").append(flywayVersion).append('\n');
    out.append("created=").append(createdAt).append('\n');
    out.append("database.file=").append(DATABASE_FILE).append('\n');
    out.append("database.sha256=").append(databaseSha256).append('\n');
    out.append("keys.file=").append(KEYS_FILE).append('\n');
    out.append("keys.ids=").append(String.join(",", keyIds)).append('\n');
    out.append("tables=").append(tables.size()).append('\n');
    tables.forEach(
        (name, table) ->
            out.append("table.")
                .append(name)
                .append('=')
                .append(table.rows())
                .append(' ')
                .append(table.checksum())
                .append('\n'));
    return out.toString();
  }

  long totalRows() {
    return tables.values().stream().mapToLong(DumpDigest.Table::rows).sum();
  }

  void write(Path dir, SecretKey key) throws IOException {
    byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(FILE), bytes);
    Files.writeString(dir.resolve(MAC_FILE), mac(BackupKeys.derive(key), bytes) + "\n");
  }

  /**
   * The manifest of the backup in {@code dir}, once its signature checks out with {@code key}.
   *
   * @throws BackupEnvelope.Refused when it is missing, unsigned or signed with another key
   */
  static BackupManifest read(Path dir, SecretKey key) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve(MAC_FILE))) {
      throw new BackupEnvelope.Refused("incomplete: it lacks " + FILE + " or " + MAC_FILE);
    }
    byte[] bytes = Files.readAllBytes(file);
    // The format line chooses the signing key; either way the signature covers it.
    boolean formatOne = new String(bytes, StandardCharsets.UTF_8).contains("\nformat=1\n");
    BackupKeys keys = formatOne ? BackupKeys.formatOne(key) : BackupKeys.derive(key);
    byte[] expected = mac(keys, bytes).getBytes(StandardCharsets.US_ASCII);
    byte[] stored =
        Files.readString(dir.resolve(MAC_FILE)).strip().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, stored)) {
      throw new BackupEnvelope.Refused("altered: its manifest does not match its signature");
    }
    Properties p = new Properties();
    p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    Map<String, DumpDigest.Table> tables = new LinkedHashMap<>();
    // Properties forgets the order: keep the file's.
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("table.")) {
        String[] nameAndValue = line.substring("table.".length()).split("=", 2);
        String[] figures = nameAndValue[1].split(" ");
        tables.put(nameAndValue[0], new DumpDigest.Table(Long.parseLong(figures[0]), figures[1]));
      }
    }
    String ids = p.getProperty("keys.ids", "");
    return new BackupManifest(
        p.getProperty("dialtone.version"),
        p.getProperty("flyway.version"),
        Instant.parse(p.getProperty("created")),
        p.getProperty("database.sha256"),
        ids.isEmpty() ? List.of() : List.of(ids.split(",")),
        tables);
  }

  private static String mac(BackupKeys keys, byte[] bytes) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(keys.manifest());
      mac.update("dialtone backup manifest\n".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }
}
