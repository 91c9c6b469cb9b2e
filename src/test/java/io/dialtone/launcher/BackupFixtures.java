package io.dialtone.launcher;

import java.io.IOException;
import java.nio.file.Path;
import javax.crypto.SecretKey;

/**
 * Test backups the backup command would never write: a manifest changed and signed again with the
 * right key, so a restore passes every check made before loading and fails after it.
 */
public final class BackupFixtures {

  private BackupFixtures() {}

  /** Signs {@code backup}'s manifest again, naming {@code flywayVersion} as its schema version. */
  public static void claimSchemaVersion(Path backup, Path keyFile, String flywayVersion)
      throws IOException {
    SecretKey key = BackupKey.load(keyFile, false);
    BackupManifest m = BackupManifest.read(backup, key);
    new BackupManifest(
            m.dialtoneVersion(),
            flywayVersion,
            m.createdAt(),
            m.databaseSha256(),
            m.keyIds(),
            m.tables())
        .write(backup, key);
  }
}
