package io.dialtone.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key ring that encrypts secrets at rest (TOTP secrets, SIP HA1 values, and whatever a
 * component declares through {@link StoredSecrets}). Keys come from outside the WAR and the
 * database, each with an id stored in every value it encrypts:
 *
 * <ul>
 *   <li>{@code DIALTONE_DATA_KEY} (Base64, 32 bytes) or the file named by {@code
 *       DIALTONE_DATA_KEY_FILE}: the key {@value #LEGACY_KEY_ID};
 *   <li>the folder {@code DIALTONE_DATA_KEYS_DIR}: one file {@code <id>.key} per key (Base64, 32
 *       bytes; id of 1-32 letters, digits, {@code -}, {@code _}). The folder is read at start and
 *       again whenever a key id is asked for that the ring lacks, so a key added to the folder is
 *       used without a restart.
 * </ul>
 *
 * <p>Which key writes new values is kept in the database (table {@code data_key}, set by {@link
 * DataKeyRotation}), so every node sharing it agrees; each node reads it again after {@code
 * DIALTONE_DATA_KEYS_CACHE_SECONDS} (10). Before the first rotation it is {@value #LEGACY_KEY_ID},
 * or the folder's only key. Keys are never logged.
 */
@ApplicationScoped
public class DataKeys implements DataCipher.Keys {

  /** The id of the key given by {@code DIALTONE_DATA_KEY} or {@code DIALTONE_DATA_KEY_FILE}. */
  public static final String LEGACY_KEY_ID = "k1";

  private static final Logger LOG = Logger.getLogger(DataKeys.class.getName());
  private static final String KEY_FILE_SUFFIX = ".key";

  @Inject
  @ConfigProperty(name = "dialtone.data-key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "dialtone.data-key-file")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "dialtone.data-keys-dir")
  Optional<String> keysDir;

  @Inject
  @ConfigProperty(name = "dialtone.data-keys.cache-seconds", defaultValue = "10")
  long cacheSeconds;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  private final Map<String, SecretKey> ring = new ConcurrentHashMap<>();
  private volatile String current;
  private volatile long currentReadAtNanos;

  @Produces
  @Singleton
  DataCipher dataCipher() {
    load();
    if (ring.isEmpty()) {
      throw new IllegalStateException(
          "No data key: set DIALTONE_DATA_KEY, DIALTONE_DATA_KEY_FILE or DIALTONE_DATA_KEYS_DIR"
              + " (see docs/configuration.md)");
    }
    return new DataCipher(this);
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    SecretKey known = ring.get(keyId);
    if (known == null) {
      loadFolder();
      known = ring.get(keyId);
    }
    return Optional.ofNullable(known);
  }

  @Override
  public String currentKeyId() {
    String id = current;
    if (id == null || System.nanoTime() - currentReadAtNanos > cacheSeconds * 1_000_000_000L) {
      id = readCurrent().orElseGet(this::defaultCurrent);
      current = id;
      currentReadAtNanos = System.nanoTime();
    }
    return id;
  }

  /** The ids of the keys this node holds now (the folder read again first). */
  public Set<String> loadedKeyIds() {
    load();
    return new TreeSet<>(ring.keySet());
  }

  /** Forgets the cached current key id: the next value is written with the database's. */
  public void forgetCurrent() {
    current = null;
  }

  /** How long a node keeps the current key id before reading it again. */
  public long cacheSeconds() {
    return cacheSeconds;
  }

  private void load() {
    key.filter(k -> !k.isBlank())
        .or(() -> keyFile.filter(f -> !f.isBlank()).map(DataKeys::read))
        .ifPresent(
            base64 ->
                ring.putIfAbsent(
                    LEGACY_KEY_ID,
                    DataCipher.aesKey(LEGACY_KEY_ID, DataCipher.decodeBase64Key(base64))));
    loadFolder();
  }

  private void loadFolder() {
    Optional<Path> folder = keysDir.filter(d -> !d.isBlank()).map(Path::of);
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return;
    }
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(folder.get(), "*" + KEY_FILE_SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - KEY_FILE_SUFFIX.length());
        if (!DataCipher.isKeyId(id)) {
          LOG.warning(() -> "Data key file ignored, its name is not a key id: " + name);
        } else if (!ring.containsKey(id)) {
          try {
            ring.put(id, DataCipher.aesKey(id, DataCipher.decodeBase64Key(read(file.toString()))));
          } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Data key file ignored (" + e.getMessage() + "): " + name);
          }
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The data keys folder cannot be read: " + folder.get(), e);
    }
  }

  private Optional<String> readCurrent() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT key_id FROM data_key WHERE state = 'CURRENT'");
        ResultSet row = query.executeQuery()) {
      return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("The current data key id cannot be read", e);
    }
  }

  private String defaultCurrent() {
    if (ring.containsKey(LEGACY_KEY_ID)) {
      return LEGACY_KEY_ID;
    }
    if (ring.size() == 1) {
      return ring.keySet().iterator().next();
    }
    throw new IllegalStateException(
        "Several data keys and none is current: set DIALTONE_DATA_KEY to the first key (id "
            + LEGACY_KEY_ID
            + ") or keep one key in DIALTONE_DATA_KEYS_DIR until the first rotation");
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("The data key file cannot be read: " + file, e);
    }
  }
}
