package io.dialtone.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders of the test JVM's Dialtone homes, under {@code dialtone.test.work} (one work folder
 * per fork). A home holds a MariaDB database of about 150 MB, deleted as soon as the home's server
 * is done ({@link TestWorkCleaner}): a home made for one test class when that class ends; the
 * shared server's home when the test run that started it ends (Failsafe runs each class of a fork
 * as a run of its own, so the shared server lives one class); the in-container tests' database,
 * started once per test JVM, stays. Server homes get the fork's one copy of the MariaDB programs (a
 * link where the embedded MariaDB keeps them, {@code mariadb/base}): the first server of the fork
 * unpacks them, the others find them unpacked, as a restarted Dialtone does.
 */
public final class TestHomes {

  private static final List<Path> MADE_FOR_THE_CLASS = new ArrayList<>();
  private static final List<Path> MADE_FOR_THE_RUN = new ArrayList<>();

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

  /** A new Dialtone home whose database is deleted when the running test run ends. */
  public static Path sharedServerHome(String name) {
    Path home = withTheForksMariaDbPrograms(created(name));
    synchronized (MADE_FOR_THE_RUN) {
      MADE_FOR_THE_RUN.add(home);
    }
    return home;
  }

  /** A new Dialtone home kept while the test JVM runs (a database started once per JVM). */
  public static Path forkDatabaseHome(String name) {
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
    return taken(MADE_FOR_THE_CLASS);
  }

  /** The folders made for the run that just ended, forgotten here: the caller deletes them. */
  static List<Path> takeTheRunsFolders() {
    return taken(MADE_FOR_THE_RUN);
  }

  private static List<Path> taken(List<Path> made) {
    synchronized (made) {
      List<Path> taken = List.copyOf(made);
      made.clear();
      return taken;
    }
  }
}
