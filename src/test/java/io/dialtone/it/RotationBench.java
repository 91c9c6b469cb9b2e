package io.dialtone.it;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DataKeyCommands;
import io.dialtone.launcher.DialtoneServer;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The key rotation benchmark ({@code bench/ops/rotation-bench.sh}, not a test): a Dialtone of its
 * own (the release's WAR and Payara Micro, a fresh home), one phone made on the Extensions page and
 * {@code N} more extensions holding its secrets (2 stored values each), sipp registering the phone
 * in a loop, then {@code rotate-keys k2} as the operator runs it; prints how long the rotation took
 * to move every value and to finish, and the REGISTER pass rate meanwhile.
 */
public final class RotationBench {

  private RotationBench() {}

  public static void main(String[] args) throws Exception {
    int extensions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int sip = 5198;
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("DIALTONE_HOME", RunningDialtone.serverHome("rotation").toString()),
            Map.entry("DIALTONE_HTTP_PORT", "19180"),
            Map.entry("DIALTONE_HTTPS_PORT", "19543"),
            Map.entry("DIALTONE_EMBEDDED_DB_PORT", "3329"),
            Map.entry("DIALTONE_SIP_ENABLED", "true"),
            Map.entry("DIALTONE_SIP_LISTEN_ADDRESS", "127.0.0.1"),
            Map.entry("DIALTONE_SIP_PORT", Integer.toString(sip)),
            Map.entry("DIALTONE_SIP_TLS_PORT", Integer.toString(sip + 1)),
            Map.entry("DIALTONE_SIP_MD5_FIRST_AGENTS", "sipp"));
    try (DialtoneServer server = RunningDialtone.startServer(env)) {
      TestUsers db = new TestUsers(server);
      long account = db.newCustomerAccount();
      Extension phone =
          SipExtensions.create(server, db.user("CUSTOMER_ADMIN", account), "301").get("301");
      try (Connection c = db.connect();
          var copy =
              c.prepareStatement(
                  """
                  INSERT INTO extension (account_id, number, display_name, type, status, realm,
                                         ha1_sha256, ha1_md5, secret_changed_at, created_at)
                  SELECT account_id, ?, display_name, type, 'DISABLED', realm, ha1_sha256,
                         ha1_md5, secret_changed_at, created_at
                  FROM extension WHERE account_id = ? AND number = '301'""")) {
        c.setAutoCommit(false);
        for (int i = 0; i < extensions; i++) {
          copy.setString(1, Integer.toString(10_000 + i));
          copy.setLong(2, account);
          copy.executeUpdate();
        }
        c.commit();
      }
      long values =
          2 * ((Number) db.queryValue("SELECT COUNT(*) FROM extension")).longValue()
              + ((Number)
                      db.queryValue("SELECT COUNT(*) FROM app_user WHERE totp_secret IS NOT NULL"))
                  .longValue();

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger passed = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService load = Executors.newSingleThreadExecutor();
      Future<?> registering =
          load.submit(
              () -> {
                while (running.get()) {
                  boolean ok =
                      Sipp.run("register", phone.number(), phone.secret(), phone.realm(), sip)
                          .passed();
                  (ok ? passed : failed).incrementAndGet();
                }
                return null;
              });
      Instant start = Instant.now();
      DataKeyCommands.rotate(env, "k2").forEach(System.out::println);
      Instant moved = null;
      while (true) {
        if (moved == null
            && ((Number)
                        db.queryValue(
                            "SELECT COUNT(*) FROM extension"
                                + " WHERE ha1_md5 NOT LIKE 'v1:k2:%' OR ha1_sha256 NOT LIKE 'v1:k2:%'"))
                    .longValue()
                == 0) {
          moved = Instant.now();
        }
        if (db.queryValue("SELECT finished_at FROM data_key_rotation WHERE state = 'FINISHED'")
            != null) {
          break;
        }
        Thread.sleep(200); // polling the rotation's row; the measurement's resolution
      }
      Instant finished = Instant.now();
      running.set(false);
      registering.get();
      load.shutdown();
      Object rewritten = db.queryValue("SELECT rewritten FROM data_key_rotation");
      System.out.printf(
          "rotation of %,d stored secrets (%,d extensions x 2 + TOTP): every value moved after"
              + " %.1f s, rotation finished after %.1f s (it waits at least 2 x the key cache time,"
              + " 21 s); %s values re-encrypted; REGISTERs meanwhile: %d passed, %d failed%n",
          values,
          extensions + 1,
          Duration.between(start, moved).toMillis() / 1000.0,
          Duration.between(start, finished).toMillis() / 1000.0,
          rewritten,
          passed.get(),
          failed.get());
    }
  }
}
