package io.dialtone.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The operator's command, {@code bin/dialtone} of the distribution (and the README's run command,
 * which runs that same script): {@code run} starts Dialtone and keeps it running until stopped;
 * {@code backup}, {@code restore <backup folder> [--replace]}, {@code rotate-keys <key id>}, {@code
 * retire-key <key id>} (beside a running Dialtone: {@link DataKeyCommands}), {@code version}.
 * Settings come from the environment (docs/configuration.md); the script passes the WAR and Payara
 * Micro of the distribution as {@code dialtone.war} and {@code payara.micro.jar}.
 */
public final class Dialtone {

  private Dialtone() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "run" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "run" -> System.exit(run(System.getenv()));
      case "backup" -> Backup.main(rest);
      case "restore" -> Restore.main(rest);
      case "rotate-keys", "retire-key" -> DataKeyCommands.main(command, rest);
      case "version" -> System.out.println("Dialtone " + version());
      default -> {
        System.err.println(
            "Usage: dialtone run | backup | restore <backup folder> [--replace]"
                + " | rotate-keys <key id> | retire-key <key id> | version");
        System.exit(2);
      }
    }
  }

  /** Starts Dialtone, prints where to sign in, and waits until Payara Micro exits. */
  static int run(Map<String, String> env) throws InterruptedException {
    DialtoneServer server = start(env);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dialtone-shutdown"));
    announce(server);
    return server.awaitExit();
  }

  /** Starts Dialtone with the WAR and Payara Micro this launcher was given. */
  public static DialtoneServer start(Map<String, String> env) {
    Path war = Path.of(System.getProperty("dialtone.war", "app/dialtone.war"));
    Path micro = Path.of(System.getProperty("payara.micro.jar", "app/payara-micro.jar"));
    System.out.println(
        "Starting Dialtone "
            + version()
            + ": embedded MariaDB (unless DIALTONE_DB_URL is set), then Payara Micro…");
    return DialtoneServer.start(SipPorts.decide(env), war, micro, true);
  }

  /** Where to go next: the one-time setup link while no administrator exists, else sign-in. */
  public static void announce(DialtoneServer server) {
    System.out.println();
    System.out.println("Dialtone is running on " + server.baseUrl() + " (Ctrl-C stops it).");
    server
        .setupLink(Duration.ofSeconds(5))
        .ifPresentOrElse(
            link ->
                System.out.println("First sign-in: open the one-time setup link above: " + link),
            () -> System.out.println("Sign in at " + server.baseUrl() + "/signin.xhtml"));
  }

  /** This release's version, from the launcher jar's manifest ({@code dialtone.version} first). */
  static String version() {
    String packaged = Dialtone.class.getPackage().getImplementationVersion();
    return System.getProperty("dialtone.version", packaged == null ? "unknown" : packaged);
  }
}
