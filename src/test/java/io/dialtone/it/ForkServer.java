package io.dialtone.it;

import io.dialtone.launcher.DialtoneServer;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The test JVM's one shared Dialtone: started by the first test that asks for it, in a home made
 * for the fork ({@link TestHomes#sharedServerHome}), and stopped when the JVM exits (a shutdown
 * hook; Failsafe gives the fork {@code forkedProcessExitTimeoutInSeconds} for it), then its
 * database is deleted. A start that fails leaves no server: the next class tries again.
 */
final class ForkServer {

  private final Function<Path, DialtoneServer> starter;
  private DialtoneServer server;

  ForkServer(Function<Path, DialtoneServer> starter) {
    this.starter = starter;
  }

  synchronized DialtoneServer server() {
    if (server == null) {
      Path home = TestHomes.sharedServerHome("shared");
      try {
        server = starter.apply(home);
      } catch (RuntimeException e) {
        TestWorkCleaner.deleteDatabase(home);
        throw e;
      }
      DialtoneServer started = server;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stop(started, home), "shared-dialtone-stop"));
    }
    return server;
  }

  private static void stop(DialtoneServer server, Path home) {
    server.close();
    TestWorkCleaner.deleteDatabase(home);
  }
}
