package io.dialtone.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data key that encrypts secrets at rest (TOTP secrets, later SIP HA1 values). It comes from
 * outside the WAR and the database: {@code DIALTONE_DATA_KEY} (Base64, 32 bytes) or the file named
 * by {@code DIALTONE_DATA_KEY_FILE}. The key is never logged.
 */
@ApplicationScoped
public class DataKeys {

  /** Stored with every ciphertext so a later key rotation can tell old values from new ones. */
  public static final String KEY_ID = "k1";

  @Inject
  @ConfigProperty(name = "dialtone.data-key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "dialtone.data-key-file")
  Optional<String> keyFile;

  @Produces
  @Singleton
  DataCipher dataCipher() {
    String base64 =
        key.filter(k -> !k.isBlank())
            .or(() -> keyFile.filter(f -> !f.isBlank()).map(DataKeys::read))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No data key: set DIALTONE_DATA_KEY or DIALTONE_DATA_KEY_FILE (see docs/configuration.md)"));
    return DataCipher.fromBase64Key(KEY_ID, base64);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("The data key file cannot be read: " + file, e);
    }
  }
}
