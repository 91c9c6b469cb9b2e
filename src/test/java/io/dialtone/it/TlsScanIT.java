package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SECURITY.md H: Debian's testssl.sh finds nothing HIGH or CRITICAL on the portal's HTTPS port and
 * on SIP over TLS, but what the generated local certificate cannot avoid: it is self-signed and
 * names no CRL or OCSP responder (docs/tls.md says how a production certificate and OCSP stapling
 * are set). Protocols, server defaults and the server's cipher order are scanned; testssl.sh never
 * phones out (no revocation or CT lookups) unless asked to.
 */
@ExtendWith(RunningDialtone.class)
class TlsScanIT {

  /** Findings of the generated self-signed certificate, expected on a local server. */
  private static final Set<String> LOCAL_CERTIFICATE =
      Set.of("cert_chain_of_trust", "cert_revocation");

  /** Checks that must be in the report: the scan really ran them. */
  private static final Set<String> SCANNED =
      Set.of("TLS1_2", "TLS1_3", "cipher_order", "cert_trust");

  private static Scan https;
  private static Scan sipTls;

  /** Both scans run at once: each takes a minute or two, mostly waiting on handshakes. */
  @BeforeAll
  static void scanBothPorts(DialtoneServer server) {
    https = Scan.start("localhost:" + server.httpsPort());
    sipTls = Scan.start("localhost:" + (SipExtensions.sipPort() + 1));
  }

  @AfterAll
  static void stopScans() {
    for (Scan scan : new Scan[] {https, sipTls}) {
      if (scan != null) {
        scan.process().destroyForcibly();
      }
    }
  }

  @Test
  void thePortalsHttpsPortHasNoHighFinding() throws Exception {
    assertNoHighFinding(https.findings());
  }

  @Test
  void sipOverTlsHasNoHighFinding() throws Exception {
    assertNoHighFinding(sipTls.findings());
  }

  private static void assertNoHighFinding(List<JsonNode> findings) {
    assertThat(findings.stream().map(f -> f.path("id").asText())).containsAll(SCANNED);
    assertThat(findings)
        .filteredOn(f -> f.path("id").asText().equals("cipher_order"))
        .extracting(f -> f.path("severity").asText())
        .containsExactly("OK");
    List<String> high = new ArrayList<>();
    for (JsonNode finding : findings) {
      String severity = finding.path("severity").asText();
      String id = finding.path("id").asText();
      if ((severity.equals("HIGH") || severity.equals("CRITICAL"))
          && !LOCAL_CERTIFICATE.contains(id)) {
        high.add(id + " " + severity + ": " + finding.path("finding").asText());
      }
    }
    assertThat(high).isEmpty();
  }

  /** A testssl.sh run on {@code target}: protocols, server defaults, the server's cipher order. */
  private record Scan(Process process, Path json, Path log) {

    static Scan start(String target) {
      Path work = RunningDialtone.freshHome("testssl");
      Path json = work.resolve("findings.json");
      Path log = work.resolve("testssl.log");
      List<String> command =
          List.of(
              "testssl",
              "--quiet",
              "--color",
              "0",
              "--warnings",
              "off",
              "--ip",
              "one",
              "-p",
              "-S",
              "-P",
              "--jsonfile",
              json.toString(),
              target);
      try {
        return new Scan(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start(),
            json,
            log);
      } catch (IOException e) {
        throw new UncheckedIOException("testssl.sh could not be started (package testssl.sh)", e);
      }
    }

    List<JsonNode> findings() throws IOException, InterruptedException {
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        throw new AssertionError("testssl.sh did not finish within 15 minutes: see " + log);
      }
      assertThat(Files.exists(json)).as("testssl.sh wrote its findings (see %s)", log).isTrue();
      List<JsonNode> findings = new ArrayList<>();
      new ObjectMapper().readTree(json.toFile()).forEach(findings::add);
      assertThat(findings.stream().map(f -> f.path("id").asText()))
          .as("testssl.sh reports no scan problem (see %s)", log)
          .doesNotContain("scanProblem");
      return findings;
    }
  }
}
