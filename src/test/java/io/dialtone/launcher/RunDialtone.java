package io.dialtone.launcher;

import java.nio.file.Path;

/**
 * The README's run command ({@code mvn -Prun package}): starts Dialtone locally and keeps it
 * running until Ctrl-C, which stops Payara Micro and then the embedded database.
 */
public final class RunDialtone {

  private RunDialtone() {}

  public static void main(String[] args) throws InterruptedException {
    Path war = Path.of(System.getProperty("dialtone.war", "target/dialtone.war"));
    Path micro = Path.of(System.getProperty("payara.micro.jar", "target/payara-micro.jar"));
    System.out.println(
        "Starting Dialtone: embedded MariaDB (unless DIALTONE_DB_URL is set), then Payara Micro…");
    DialtoneServer server =
        DialtoneServer.start(SipPorts.decide(System.getenv()), war, micro, true);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dialtone-shutdown"));
    long demoCdrs = DemoCdrs.requested(System.getenv());
    if (demoCdrs > 0) {
      DemoCdrs.fill(server, System.getenv(), demoCdrs);
    }
    System.out.println();
    System.out.println("Dialtone is running on " + server.baseUrl() + " (Ctrl-C stops it).");
    server
        .setupLink(java.time.Duration.ofSeconds(5))
        .ifPresentOrElse(
            link ->
                System.out.println("First sign-in: open the one-time setup link above: " + link),
            () -> System.out.println("Sign in at " + server.baseUrl() + "/signin.xhtml"));
    System.exit(server.awaitExit());
  }
}
