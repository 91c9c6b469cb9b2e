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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * none of the real extensions: as itself (a scanner) it gets no answer at all; disguised as a phone
 * it gets one and the same answer for every extension of its range, the real ones included.
 */
@ExtendWith(RunningDialtone.class)
class SipEnumerationIT {

  private static Map<String, Extension> ext;

  /** A row of svwar's result table naming one of the real extensions. */
  private static final java.util.regex.Pattern FOUND =
      java.util.regex.Pattern.compile("\\|\\s*30[125]\\s*\\|");

  private static DialtoneServer server;
  private static long account;

  @BeforeAll
  static void provision(DialtoneServer started) {
    server = started;
    TestUsers db = new TestUsers(server);
    account = db.newCustomerAccount();
    ext = SipExtensions.create(server, db.user("CUSTOMER_ADMIN", account), "301", "302", "305");
    // 305 is disabled: its INVITEs are answered as a wrong secret's
    SipExtensions.disable(server, db.user("CUSTOMER_ADMIN", account), "305");
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
        assertThat(a).startsWith("INVITE".equals(method) ? "SIP/2.0 407 " : "SIP/2.0 401 ");
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
    headers.add(credentials(first, method, user, secret, uri));
    String answer =
        client.exchange(client.request(method, user, realm, callId, 2, "Phone/1.0", headers));
    if ("INVITE".equals(method)) {
      client.drain(); // the transaction's retransmissions of the 401 until our (absent) ACK
    }
    return answer;
  }

  /** The credentials header answering {@code challenge}: Proxy-Authorization on an INVITE. */
  static String credentials(
      String challenge, String method, String user, String secret, String uri) {
    boolean proxy = "INVITE".equals(method);
    String answer =
        SipUdpClient.authorization(
            SipUdpClient.challenge(
                challenge, "SHA-256", proxy ? "Proxy-Authenticate" : "WWW-Authenticate"),
            method,
            user,
            secret,
            uri,
            1);
    return proxy ? "Proxy-" + answer : answer;
  }

  /**
   * Wrong secret, unknown extension, disabled extension and suspended account: four INVITEs with
   * credentials, one answer (the enumeration rule on the proxy's challenge, 407).
   */
  @Test
  void anInviteFromADisabledOrSuspendedExtensionGetsTheWrongSecretsBytes() throws Exception {
    TestUsers db = new TestUsers(server);
    long reseller = db.account(1L, "RESELLER", "Enum Reseller " + SipUdpClient.newId());
    String name = "Enum Customer " + SipUdpClient.newId();
    long account = db.account(reseller, "CUSTOMER", name);
    Map<String, Extension> suspended =
        SipExtensions.create(server, db.user("CUSTOMER_ADMIN", account), "301");
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, db.user("RESELLER_ADMIN", reseller));
      browser.open("/accounts/index.xhtml");
      browser.clickInRow("accounts:table", name, "suspend");
      browser.find(".ui-confirmdialog-yes").click();
      browser.waitForText("The account is suspended.");
    }
    Extension known = ext.get("301");
    Extension off = ext.get("305");
    Extension gone = suspended.get("301");
    try (SipUdpClient client = new SipUdpClient("127.0.0.1")) {
      String wrong =
          normalized(
              ask(client, "INVITE", "301", known.realm(), "not-the-secret"), "301", known.realm());
      String unknown =
          normalized(
              ask(client, "INVITE", "399", known.realm(), known.secret()), "399", known.realm());
      String disabled =
          normalized(ask(client, "INVITE", "305", off.realm(), off.secret()), "305", off.realm());
      String inSuspended =
          normalized(
              ask(client, "INVITE", "301", gone.realm(), gone.secret()), "301", gone.realm());
      assertThat(wrong).startsWith("SIP/2.0 407 ").contains("Proxy-Authenticate: Digest");
      assertThat(unknown).isEqualTo(wrong);
      assertThat(disabled).isEqualTo(wrong);
      assertThat(inSuspended).isEqualTo(wrong);
    }
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
    Svwar run = svwar("127.0.0.77", "REGISTER", false);
    assertThat(run.output())
        .as("svwar's first probe went unanswered (its wait for it timed out)")
        .contains("socket error: timed out")
        .doesNotContainPattern(FOUND);
    assertThat(run.probes()).as("answers svwar read").isEmpty();
    assertThat(
            server.consoleLines(
                java.util.regex.Pattern.compile(
                    "SIP-FAIL .* src=127\\.0\\.0\\.77:\\d+ .*result=scanner ua=\"friendly-scanner\"")))
        .as("svwar's probe was dropped as a scanner's")
        .isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"REGISTER", "INVITE", "OPTIONS"})
  void svwarDisguisedAsAPhoneGetsOneAnswerForEveryExtension(String method) throws Exception {
    String source =
        switch (method) {
          case "REGISTER" -> "127.0.0.78";
          case "INVITE" -> "127.0.0.79";
          default -> "127.0.0.80";
        };
    Svwar run = svwar(source, method, true);
    assertThat(run.output()).doesNotContainPattern(FOUND).contains("found nothing");
    Map<String, Set<String>> probes = run.probes();
    assertThat(probes.keySet())
        .as("extensions svwar got an answer for")
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(FIRST, LAST).mapToObj(Integer::toString).toList());
    Set<String> answers = probes.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    assertThat(answers).as("distinct answers to %s over %d-%d", method, FIRST, LAST).hasSize(1);
    String answer = answers.iterator().next();
    if ("OPTIONS".equals(method)) {
      assertThat(answer).startsWith("SIP/2.0 200 ");
    } else {
      boolean invite = "INVITE".equals(method);
      assertThat(answer)
          .startsWith(invite ? "SIP/2.0 407 " : "SIP/2.0 401 ")
          .contains(
              (invite ? "Proxy-Authenticate" : "WWW-Authenticate")
                  + ": Digest realm=\""
                  + ext.get("301").realm()
                  + "\"")
          .contains("algorithm=SHA-256")
          .contains("algorithm=MD5");
    }
  }

  /**
   * What one svwar run printed, and the answer it read for each extension: its first line and its
   * challenges with the nonce blanked out.
   */
  private record Svwar(String output, Map<String, Set<String>> probes) {}

  private static final int FIRST = 295;
  private static final int LAST = 310;

  /**
   * Wraps svwar 0.3.3 through its own module: binds to the source address (it parses {@code -b} but
   * never passes it on); disguised, replaces its "friendly-scanner" User-Agent (a default argument
   * of its request builder); prints every answer it reads (PROBE lines) through the function that
   * reads the extension out of the answer's tag; and, as svwar stops at the first answer equal to
   * its baseline answer unless that is a 404, treats a baseline 401 as it treats a 404, so it asks
   * for every extension of the range instead of stopping after the first.
   */
  private static final String SVWAR =
      """
      import re, sys
      sys.path.insert(0, '/usr/share/sipvicious')
      import sipvicious.libs.svhelper as h
      source, disguised = sys.argv[1], sys.argv[2] == 'disguised'
      if disguised:
          d = list(h.makeRequest.__defaults__)
          d[-2] = 'Yealink SIP-T46U'
          h.makeRequest.__defaults__ = tuple(d)
      from sipvicious import svwar
      init = svwar.TakeASip.__init__
      svwar.TakeASip.__init__ = lambda self, *a, **k: init(self, *a, **dict(k, bindingip=source))
      svwar.TakeASip.NOTFOUND = (svwar.TakeASip.PROXYAUTHREQ if 'INVITE' in sys.argv
                                 else svwar.TakeASip.AUTHREQ)
      tag = svwar.getTag
      def probe(buff):
          found = tag(buff)
          if found is not None:
              lines = buff.splitlines()
              auth = [re.sub(r'nonce="[^"]*"', 'nonce=N', l) for l in lines
                      if l.lower().startswith(('www-authenticate:', 'proxy-authenticate:'))]
              print('PROBE', found.decode('utf-8', 'ignore'), '|', ' | '.join([lines[0]] + auth),
                    flush=True)
          return found
      svwar.getTag = probe
      sys.argv = ['svwar'] + sys.argv[3:]
      svwar.main()
      """;

  private static final java.util.regex.Pattern PROBE =
      java.util.regex.Pattern.compile("(?m)^PROBE (\\S+) \\| (.*)$");

  /**
   * Runs svwar over extensions {@value #FIRST}-{@value #LAST} of the test account's domain from
   * {@code source}, {@code disguised} as a phone or as itself; fails unless it ran to its end.
   */
  private static Svwar svwar(String source, String method, boolean disguised) throws Exception {
    Path log = Files.createTempFile("svwar", ".log");
    String domain = ext.get("301").realm();
    List<String> command =
        new ArrayList<>(
            List.of(
                "python3",
                "-c",
                SVWAR,
                source,
                disguised ? "disguised" : "scanner",
                "-e",
                FIRST + "-" + LAST,
                "-m",
                method,
                "--force",
                "--domain",
                domain,
                "-t",
                "0.05",
                "--maximumtime",
                "5",
                "-v", // info level: its closing "Total time" line
                "udp://127.0.0.1:" + SipExtensions.sipPort()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    assertThat(finished).as("svwar finished within 90 s:\n%s", output).isTrue();
    assertThat(process.exitValue()).as("svwar's exit code:\n%s", output).isZero();
    // svwar catches its own crashes, logs them and exits 0: its last line is the proof it ran.
    assertThat(output)
        .as("svwar ran to its end")
        .contains("Total time")
        .doesNotContain(
            "Traceback",
            "Unhandled exception",
            "We got an unknown response",
            "interopability error");
    Map<String, Set<String>> probes = new TreeMap<>();
    java.util.regex.Matcher m = PROBE.matcher(output);
    while (m.find()) {
      probes.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2).strip());
    }
    return new Svwar(output, probes);
  }
}
