package io.dialtone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup key is not used as such: encryption, the manifest's signature and the fingerprint each
 * have a key derived under a label of their own; backups written before (format 1, the files in
 * {@code src/test/resources/backup-format-1}, made by that code) still open.
 */
class BackupKeysTest {

  /** The key the format-1 sample was made with. */
  private static final SecretKey FORMAT_ONE_KEY =
      new SecretKeySpec(
          Base64.getDecoder().decode("AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o="), "AES");

  @Test
  void eachUseHasAKeyOfItsOwnNoneOfThemTheBackupKey() {
    BackupKeys keys = BackupKeys.derive(FORMAT_ONE_KEY);
    Set<String> distinct = new HashSet<>();
    for (SecretKey key :
        List.of(FORMAT_ONE_KEY, keys.encryption(), keys.manifest(), keys.fingerprint())) {
      assertThat(key.getEncoded()).hasSize(32);
      distinct.add(Base64.getEncoder().encodeToString(key.getEncoded()));
    }
    assertThat(distinct).hasSize(4);
    assertThat(BackupKeys.derive(FORMAT_ONE_KEY).encryption().getEncoded())
        .as("derivation is deterministic")
        .isEqualTo(keys.encryption().getEncoded());
  }

  @Test
  void newFilesAreFormatTwoAndDoNotOpenWithTheBackupKeyUsedDirectly() throws IOException {
    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
    try (OutputStream out = BackupEnvelope.seal(sealed, FORMAT_ONE_KEY)) {
      out.write("secret".getBytes(StandardCharsets.US_ASCII));
    }
    byte[] bytes = sealed.toByteArray();
    assertThat(new String(bytes, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("DTBACKUP2");

    // The same file relabelled format 1 (the backup key used directly) is refused.
    byte[] relabelled = bytes.clone();
    relabelled[8] = '1';
    assertThatThrownBy(() -> open(relabelled, FORMAT_ONE_KEY))
        .hasMessageStartingWith("made with another backup key");
  }

  @Test
  void aFormatOneFileAndManifestStillOpen(@TempDir Path dir) throws Exception {
    Path sample = resource("backup-format-1");
    byte[] plain = open(Files.readAllBytes(sample.resolve("sample.enc")), FORMAT_ONE_KEY);
    assertThat(new String(plain, StandardCharsets.US_ASCII))
        .isEqualTo("a backup made before its keys were derived\n");

    BackupManifest manifest = BackupManifest.read(sample, FORMAT_ONE_KEY);
    assertThat(manifest.keyIds()).containsExactly("k1");
    assertThat(manifest.totalRows()).isEqualTo(2);

    // Written again today, the manifest is format 2 and signed with the derived key.
    manifest.write(dir, FORMAT_ONE_KEY);
    assertThat(Files.readString(dir.resolve(BackupManifest.FILE))).contains("\nformat=2\n");
    assertThat(Files.readString(dir.resolve(BackupManifest.MAC_FILE)))
        .isNotEqualTo(Files.readString(sample.resolve(BackupManifest.MAC_FILE)));
    assertThat(BackupManifest.read(dir, FORMAT_ONE_KEY)).isEqualTo(manifest);
    SecretKey other = new SecretKeySpec(new byte[32], "AES");
    assertThatThrownBy(() -> BackupManifest.read(dir, other))
        .hasMessageStartingWith("altered: its manifest does not match");
  }

  private static byte[] open(byte[] sealed, SecretKey key) throws IOException {
    try (InputStream in = BackupEnvelope.open(new ByteArrayInputStream(sealed), key)) {
      return in.readAllBytes();
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(BackupKeysTest.class.getClassLoader().getResource(name).toURI());
  }
}
