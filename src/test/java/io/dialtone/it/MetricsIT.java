package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's Prometheus scrape ({@code /manage/metrics}) on the shared server: with the bearer
 * token it answers the text format, which the reference parser (Debian's {@code
 * python3-prometheus-client}) reads, and its counters move with traffic (sign-ins, HTTP requests, a
 * SIP registration by sipp); without the token, anonymous or signed in as a customer user, it is an
 * unknown address (404).
 */
@ExtendWith(RunningDialtone.class)
class MetricsIT {

  /** One parsed sample: its name, its labels as {@code k=v,k=v} (sorted), its value. */
  record Sample(String name, String labels, double value) {}

  @Test
  void theScrapeParsesAndItsCountersMoveWithTraffic(DialtoneServer server) throws Exception {
    List<Sample> before = parse(scrape(server));

    var extensions = SipExtensions.create(server, "401", "402"); // an admin signs in
    Extension phone = extensions.get("401");
    Sipp.Result registered = Sipp.run("register", phone.number(), phone.secret(), phone.realm());
    assertThat(registered.passed()).as(registered.output()).isTrue();
    // A call to a phone that is not registered: refused (480), its record committed.
    CallPeers.register(phone, CallPeers.uasPort(0));
    String callId = "metrics-" + SipUdpClient.newId();
    Sipp.Result call =
        CallPeers.call("call-fails", phone, extensions.get("402"), callId, Map.of("FINAL", "480"));
    assertThat(call.passed()).as(call.output()).isTrue();
    assertThat(CallPeers.cdr(new TestUsers(server), callId + "-1")).isNotEmpty();

    List<Sample> after = parse(scrape(server));
    assertThat(after)
        .extracting(Sample::name)
        .contains(
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "process_uptime_seconds",
            "http_server_requests_seconds_bucket",
            "http_server_requests_seconds_count",
            "dialtone_jobs_runs_total",
            "dialtone_cdr_queue",
            "dialtone_cdr_commit_seconds_bucket",
            "dialtone_calls_in_progress",
            "dialtone_call_attempts_total",
            "dialtone_audit_chain_intact",
            "dialtone_db_pool_connections",
            "dialtone_sip_registered_extensions",
            "dialtone_sip_bans_total");

    assertThat(value(after, "dialtone_sign_ins_total", "result=success"))
        .isGreaterThan(value(before, "dialtone_sign_ins_total", "result=success"));
    assertThat(value(after, "dialtone_sip_registrations_total", "status=200"))
        .isGreaterThan(value(before, "dialtone_sip_registrations_total", "status=200"));
    assertThat(value(after, "http_server_requests_seconds_count", "method=GET,status=200"))
        .isGreaterThan(
            value(before, "http_server_requests_seconds_count", "method=GET,status=200"));
    assertThat(value(after, "dialtone_sip_registered_extensions", "")).isGreaterThanOrEqualTo(1);
    // the call to a phone that is not registered ends unanswered (480: no answer)
    assertThat(value(after, "dialtone_call_attempts_total", "result=no_answer"))
        .isGreaterThan(value(before, "dialtone_call_attempts_total", "result=no_answer"));
    assertThat(value(after, "dialtone_cdr_commit_seconds_count", "outcome=committed"))
        .isGreaterThan(value(before, "dialtone_cdr_commit_seconds_count", "outcome=committed"));
    assertThat(value(after, "dialtone_cdr_commit_seconds_sum", "outcome=committed"))
        .isGreaterThan(value(before, "dialtone_cdr_commit_seconds_sum", "outcome=committed"));
  }

  /**
   * The database pool's gauges move: while the test holds a write lock on the one-time links'
   * table, anonymous visits of the e-mail confirmation link (which looks its token up) each hold a
   * pool connection; the scrape counts them in use, and once the lock is released they come back
   * free.
   */
  @Test
  void theDatabasePoolCountsConnectionsInUse(DialtoneServer server) throws Exception {
    List<Sample> idle = parse(scrape(server));
    double inUseBefore = value(idle, "dialtone_db_pool_connections", "state=in_use");
    assertThat(inUseBefore).as("connections in use, idle").isNotNaN().isGreaterThanOrEqualTo(0);
    assertThat(value(idle, "dialtone_db_pool_connections", "state=free")).isNotNaN().isPositive();
    assertThat(value(idle, "dialtone_db_pool_waiting", "")).isZero();
    assertThat(idle).extracting(Sample::name).contains("dialtone_db_pool_waiting");

    int visits = 4;
    ExecutorService visitors = Executors.newFixedThreadPool(visits);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try (Connection db = new TestUsers(server).connect();
        Statement lock = db.createStatement()) {
      lock.execute("LOCK TABLES one_time_token WRITE");
      for (int i = 0; i < visits; i++) {
        String token = "pool" + i + "x".repeat(39);
        answers.add(
            visitors.submit(
                () -> Https.get(server.baseUrl() + "/confirm-email.xhtml?token=" + token)));
      }
      double busy = awaitInUse(server, inUseBefore + visits);
      assertThat(busy).isGreaterThanOrEqualTo(inUseBefore + visits);
      lock.execute("UNLOCK TABLES");
      for (Future<HttpResponse<String>> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    } finally {
      visitors.shutdownNow();
    }
    List<Sample> after = parse(scrape(server));
    assertThat(value(after, "dialtone_db_pool_connections", "state=in_use"))
        .isLessThan(inUseBefore + visits);
    assertThat(value(after, "dialtone_db_pool_connections", "state=free")).isNotNaN().isPositive();
  }

  /** Scrapes until the pool counts at least {@code wanted} connections in use (up to 60 s). */
  private static double awaitInUse(DialtoneServer server, double wanted) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      double inUse = value(parse(scrape(server)), "dialtone_db_pool_connections", "state=in_use");
      if (inUse >= wanted || Instant.now().isAfter(deadline)) {
        return inUse;
      }
      Thread.sleep(100); // scraping for the gauge's change, bounded by the deadline
    }
  }

  @Test
  void withoutTheTokenTheScrapeIsAnUnknownAddress(DialtoneServer server) {
    String url = server.baseUrl() + "/manage/metrics";
    assertThat(Https.get(url).statusCode()).isEqualTo(404);
    assertThat(
            get(url, "Authorization", "Bearer not-" + RunningDialtone.METRICS_TOKEN).statusCode())
        .isEqualTo(404);

    TestUsers db = new TestUsers(server);
    SeededUser user = db.user("CUSTOMER_USER", db.newCustomerAccount());
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      HttpResponse<String> answer =
          get(url, "Cookie", Browser.SESSION_COOKIE + "=" + browser.sessionCookie());
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).doesNotContain("jvm_", "dialtone_");
    }
  }

  private static String scrape(DialtoneServer server) {
    HttpResponse<String> answer =
        get(
            server.baseUrl() + "/manage/metrics",
            "Authorization",
            "Bearer " + RunningDialtone.METRICS_TOKEN);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    return answer.body();
  }

  private static HttpResponse<String> get(String url, String header, String value) {
    return Https.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build());
  }

  /** The samples as the reference parser reads them (the test fails if it cannot). */
  private static List<Sample> parse(String exposition) throws IOException, InterruptedException {
    Path script = Files.createTempFile("prometheus-samples", ".py");
    try (InputStream in = MetricsIT.class.getResourceAsStream("prometheus-samples.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process python =
        new ProcessBuilder("/usr/bin/python3", script.toString())
            .redirectErrorStream(false)
            .start();
    try (OutputStream stdin = python.getOutputStream()) {
      stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Files.deleteIfExists(script);
    assertThat(python.exitValue()).as("the parser refused the scrape: " + err).isZero();
    List<Sample> samples = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        String[] parts = line.split("\t", -1);
        samples.add(new Sample(parts[0], parts[1], Double.parseDouble(parts[2])));
      }
    }
    assertThat(samples).isNotEmpty();
    return samples;
  }

  /** The sum of {@code name}'s samples whose labels hold every {@code k=v} of {@code labels}. */
  private static double value(List<Sample> samples, String name, String labels) {
    List<String> wanted = labels.isEmpty() ? List.of() : List.of(labels.split(","));
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> List.of(s.labels().split(",")).containsAll(wanted))
        .mapToDouble(Sample::value)
        .sum();
  }
}
