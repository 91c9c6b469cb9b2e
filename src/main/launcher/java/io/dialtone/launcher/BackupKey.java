package io.dialtone.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The backup key: 32 random bytes, Base64, in the file {@code DIALTONE_BACKUP_KEY_FILE} (default
 * the home's {@code secrets/backup-key}). It is not the data key: a backup holds the data keys, so
 * it needs a key of its own, kept away from the backups (without it no backup can be restored).
 */
final class BackupKey {

  private BackupKey() {}

  static Path file(Map<String, String> env) {
    return Path.of(
        env.getOrDefault(
            "DIALTONE_BACKUP_KEY_FILE",
            LauncherSettings.fromEnvironment(env).home().resolve("secrets/backup-key").toString()));
  }

  /** The key of {@code file}, created (owner-only) when absent and {@code create} is set. */
  static SecretKey load(Path file, boolean create) throws IOException {
    if (Files.notExists(file)) {
      if (!create) {
        throw new IllegalStateException(
            "No backup key at " + file + ": set DIALTONE_BACKUP_KEY_FILE to the key's file");
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Files.createDirectories(file.toAbsolutePath().getParent());
      DialtoneHome.writePrivate(file, Base64.getEncoder().encodeToString(fresh));
      System.out.println(
          "Created the backup key "
              + file
              + ": copy it somewhere safe, away from the backups; without it no backup restores.");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The backup key " + file + " is not Base64");
    }
    if (key.length != 32) {
      throw new IllegalStateException("The backup key " + file + " does not hold 32 bytes");
    }
    return new SecretKeySpec(key, "AES");
  }
}
