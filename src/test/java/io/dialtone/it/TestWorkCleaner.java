package io.dialtone.it;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Keeps the test run's disk use flat (registered in {@code META-INF/services}): when a test class
 * ends, deletes the databases of the Dialtone homes made for it ({@link TestHomes#forTheClass};
 * their logs and outbox stay for the reader of a failure) and the folders Arquillian's Payara Micro
 * adapter leaves in the temporary folder for each deployment (about 20 MB each, never deleted by
 * the adapter). The temporary folder is the fork's own (the build sets {@code java.io.tmpdir} per
 * fork), so a folder of the other fork's running deployment is never touched.
 */
public final class TestWorkCleaner implements TestExecutionListener {

  private static final String ARQUILLIAN_DEPLOYMENTS = "arquillian-payara-micro";

  /** In a Dialtone home: the embedded MariaDB's programs and data. */
  private static final String DATABASE = "mariadb";

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    } catch (IOException e) {
      System.err.println("The temporary folder could not be created: " + e);
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    TestHomes.takeTheRunsFolders().forEach(home -> deleteQuietly(home.resolve(DATABASE)));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.getSource().filter(ClassSource.class::isInstance).isEmpty()) {
      return;
    }
    List<Path> done = new ArrayList<>();
    for (Path folder : TestHomes.takeTheClasssFolders()) {
      done.add(folder.resolve(DATABASE));
    }
    if (forkOwnsTheTemporaryFolder()) {
      done.addAll(arquillianDeployments());
    }
    done.forEach(TestWorkCleaner::deleteQuietly);
  }

  private static boolean forkOwnsTheTemporaryFolder() {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    return temporary.startsWith(TestHomes.work());
  }

  private static List<Path> arquillianDeployments() {
    try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith(ARQUILLIAN_DEPLOYMENTS))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Deletes a folder tree; what cannot be deleted is reported and left (never a test failure). */
  private static void deleteQuietly(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // gone meanwhile (a server's last files)
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException gone) {
      // already deleted
    } catch (IOException e) {
      System.err.println("Test work folder not deleted: " + root + " (" + e + ")");
    }
  }
}
