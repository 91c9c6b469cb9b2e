package io.dialtone.launcher;

/**
 * The run command with demo data ({@code mvn -Pdemo package -Ddialtone.demo-cdrs=200000}): the
 * release's launcher ({@link Dialtone}), then generated call records (the CDR bench's generator,
 * test code, hence this class lives beside the tests).
 */
public final class RunDialtone {

  private RunDialtone() {}

  public static void main(String[] args) throws InterruptedException {
    DialtoneServer server = Dialtone.start(System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dialtone-shutdown"));
    long demoCdrs = DemoCdrs.requested(System.getenv());
    if (demoCdrs > 0) {
      DemoCdrs.fill(server, System.getenv(), demoCdrs);
    }
    Dialtone.announce(server);
    System.exit(server.awaitExit());
  }
}
