package io.dialtone.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders of the test JVM's Dialtone homes, under {@code dialtone.test.work} (one work folder
 * per fork). A home holds an unpacked MariaDB of about 500 MB, so the database of a home made for
 * one test class is deleted when that class ends ({@link TestWorkCleaner}); only the homes of
 * servers that serve the whole fork (the shared server, the in-container tests' database) keep
 * theirs until the run ends. A server's home gets the fork's one copy of the MariaDB programs (a
 * link where the embedded MariaDB keeps them, {@code mariadb/base}): the first server of the fork
 * unpacks them, the others find them unpacked, as a restarted Dialtone does.
 */
public final class TestHomes {

  private static final List<Path> MADE_FOR_THE_CLASS = new ArrayList<>();

  private TestHomes() {}

  /** The test JVM's work folder. */
  static Path work() {
    return Path.of(System.getProperty("dialtone.test.work", "target/it-work")).toAbsolutePath();
  }

  private static Path created(String name) {
    try {
      return Files.createTempDirectory(Files.createDirectories(work()), name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new, empty folder whose database, if any, is deleted when the running test class ends. */
  public static Path forTheClass(String name) {
    Path home = created(name);
    synchronized (MADE_FOR_THE_CLASS) {
      MADE_FOR_THE_CLASS.add(home);
    }
    return home;
  }

  /** A new Dialtone home whose database is deleted when the running test class ends. */
  public static Path serverHome(String name) {
    return withTheForksMariaDbPrograms(forTheClass(name));
  }

  /** A new Dialtone home kept while the test JVM runs (a server or database that it shares). */
  public static Path sharedServerHome(String name) {
    return withTheForksMariaDbPrograms(created(name));
  }

  private static Path withTheForksMariaDbPrograms(Path home) {
    try {
      Path programs = Files.createDirectories(work().resolve("mariadb-programs"));
      Files.createSymbolicLink(
          Files.createDirectories(home.resolve("mariadb")).resolve("base"), programs);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folders made for the class that just ended, forgotten here: the caller deletes them. */
  static List<Path> takeTheClasssFolders() {
    synchronized (MADE_FOR_THE_CLASS) {
      List<Path> taken = List.copyOf(MADE_FOR_THE_CLASS);
      MADE_FOR_THE_CLASS.clear();
      return taken;
    }
  }
}
