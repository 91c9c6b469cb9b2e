package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing to enumerate (SECURITY.md D1): a known extension, an unknown one and an unknown domain
 * get byte-identical answers apart from nonce, tags and branch (and the user and domain the request
 * itself named), for REGISTER, INVITE and OPTIONS, with and without a wrong digest; and Debian's
 * {@code svwar} (package sipvicious, run through its module in {@code /usr/share/sipvicious}) finds
 * none of the real extensions, neither as itself (a scanner: dropped and banned) nor disguised as a
 * phone.
 */
@ExtendWith(RunningDialtone.class)
class SipEnumerationIT {

  private static Map<String, Extension> ext;

  /** A row of svwar's result table naming one of the real extensions. */
  private static final java.util.regex.Pattern FOUND =
      java.util.regex.Pattern.compile("\\|\\s*30[125]\\s*\\|");

  private static DialtoneServer server;

  @BeforeAll
  static void provision(DialtoneServer started) {
    server = started;
    ext = SipExtensions.create(server, "301", "302", "305");
  }

  @ParameterizedTest
  @ValueSource(strings = {"REGISTER", "INVITE", "OPTIONS"})
  void aKnownAndAnUnknownUserGetTheSameBytes(String method) throws Exception {
    Extension known = ext.get("301");
    try (SipUdpClient client = new SipUdpClient("127.0.0.1")) {
      String a = normalized(ask(client, method, "301", known.realm(), null), "301", known.realm());
      String b = normalized(ask(client, method, "399", known.realm(), null), "399", known.realm());
      String c =
          normalized(
              ask(client, method, "301", "c-999998.sip.dialtone.invalid", null),
              "301",
              "c-999998.sip.dialtone.invalid");
      assertThat(b).isEqualTo(a);
      assertThat(c).isEqualTo(a);
      if (!"OPTIONS".equals(method)) {
        assertThat(a).startsWith("SIP/2.0 401 ");
        String wrong =
            normalized(
                ask(client, method, "301", known.realm(), "not-the-secret"), "301", known.realm());
        String unknown =
            normalized(
                ask(client, method, "399", known.realm(), known.secret()), "399", known.realm());
        assertThat(wrong).isEqualTo(a);
        assertThat(unknown).isEqualTo(a);
      } else {
        assertThat(a).startsWith("SIP/2.0 200 ");
      }
    }
  }

  /**
   * The final answer to {@code method} for {@code user@realm}, answering a challenge with {@code
   * secret} when given.
   */
  private static String ask(
      SipUdpClient client, String method, String user, String realm, String secret)
      throws Exception {
    String callId = "enum-" + SipUdpClient.newId();
    List<String> headers = new ArrayList<>(List.of(client.contact(user)));
    String first =
        client.exchange(client.request(method, user, realm, callId, 1, "Phone/1.0", headers));
    if (secret == null) {
      return first;
    }
    String uri = "REGISTER".equals(method) ? "sip:" + realm : "sip:" + user + "@" + realm;
    headers.add(
        SipUdpClient.authorization(
            SipUdpClient.challenge(first, "SHA-256"), method, user, secret, uri, 1));
    String answer =
        client.exchange(client.request(method, user, realm, callId, 2, "Phone/1.0", headers));
    if ("INVITE".equals(method)) {
      client.drain(); // the transaction's retransmissions of the 401 until our (absent) ACK
    }
    return answer;
  }

  /**
   * The response with what legitimately differs replaced: nonce, tags, branch, Call-ID, user,
   * domain.
   */
  private static String normalized(String response, String user, String realm) {
    return response
        .replaceAll("nonce=\"[^\"]*\"", "nonce=\"N\"")
        .replaceAll(";tag=[^;\\r\\n>]*", ";tag=T")
        .replaceAll("branch=[^;\\r\\n]*", "branch=B")
        .replaceAll("Call-ID: [^\\r\\n]*", "Call-ID: C")
        .replaceAll("CSeq: \\d+", "CSeq: n")
        .replaceAll("Date: [^\\r\\n]*", "Date: D")
        .replace(realm, "REALM")
        .replaceAll("sip:" + user + "@", "sip:USER@");
  }

  @Test
  void svwarAsAScannerIsDroppedAndFindsNothing() throws Exception {
    String output = svwar("127.0.0.77", "REGISTER", false);
    assertThat(output).doesNotContainPattern(FOUND);
    assertThat(
            server.consoleLines(
                java.util.regex.Pattern.compile(
                    "SIP-FAIL .* src=127\\.0\\.0\\.77:\\d+ .*result=scanner ua=\"friendly-scanner\"")))
        .as("svwar's probe was dropped as a scanner's")
        .isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"REGISTER", "INVITE", "OPTIONS"})
  void svwarDisguisedAsAPhoneFindsNothing(String method) throws Exception {
    String source =
        switch (method) {
          case "REGISTER" -> "127.0.0.78";
          case "INVITE" -> "127.0.0.79";
          default -> "127.0.0.80";
        };
    String output = svwar(source, method, true);
    assertThat(output).doesNotContainPattern(FOUND);
    if (!"INVITE".equals(method)) {
      assertThat(output).contains("found nothing");
    }
  }

  /**
   * Runs svwar over extensions 295-310 of the test account's domain from {@code source}; {@code
   * disguised} replaces its "friendly-scanner" User-Agent by a phone's (through svwar's own module,
   * whose request builder takes the User-Agent as a default argument).
   */
  private static String svwar(String source, String method, boolean disguised) throws Exception {
    Path log = Files.createTempFile("svwar", ".log");
    String domain = ext.get("301").realm();
    List<String> args =
        List.of(
            "-e",
            "295-310",
            "-m",
            method,
            "-b",
            source,
            "--force",
            "--domain",
            domain,
            "-t",
            "0.05",
            "--maximumtime",
            "5",
            "udp://127.0.0.1:" + SipExtensions.sipPort());
    // svwar 0.3.3 parses -b but never passes it on: bind through its own module instead (and,
    // disguised, replace its "friendly-scanner" User-Agent, a default argument of its builder).
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "python3",
            "-c",
            "import sys; sys.path.insert(0, '/usr/share/sipvicious');"
                + " import sipvicious.libs.svhelper as h;"
                + (disguised
                    ? " d = list(h.makeRequest.__defaults__); d[-2] = 'Yealink SIP-T46U';"
                        + " h.makeRequest.__defaults__ = tuple(d);"
                    : "")
                + " from sipvicious import svwar; init = svwar.TakeASip.__init__;"
                + " svwar.TakeASip.__init__ = lambda self, *a, **k:"
                + " init(self, *a, **dict(k, bindingip='"
                + source
                + "'));"
                + " sys.argv = sys.argv[1:]; svwar.main()",
            "svwar"));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return output;
  }
}
