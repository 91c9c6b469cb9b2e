package io.dialtone.trunk.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.platform.control.Refusal;
import io.dialtone.trunk.entity.TrunkTransport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a trunk may hold, each problem reported with its own message key. */
class TrunkRulesTest {

  static TrunkInput input(String name, String host, String port, String sources) {
    return new TrunkInput(
        name, host, port, TrunkTransport.UDP, "10", "1", "0", "5", sources, "", "", "", false);
  }

  private static TrunkInput withLogin(String user, String password, String realm, boolean remove) {
    return new TrunkInput(
        "carrier",
        "sip.example.net",
        "5060",
        TrunkTransport.TLS,
        "10",
        "1",
        "0",
        "5",
        "",
        user,
        password,
        realm,
        remove);
  }

  @Test
  void aGoodTrunkComesOutCanonical() {
    TrunkDefinition d =
        TrunkRules.check(
            input(
                " carrier-A.1 ", "SIP.Example.NET.", "5080", "10.1.2.3/8, 203.0.113.9\n10.0.0.0/8"),
            false);
    assertThat(d.name()).isEqualTo("carrier-A.1");
    assertThat(d.host()).isEqualTo("sip.example.net");
    assertThat(d.port()).isEqualTo(5080);
    assertThat(d.sources()).containsExactly("10.0.0.0/8", "203.0.113.9/32");
    assertThat(d.setupTimeoutSeconds()).isEqualTo(5);
    assertThat(d.login()).isInstanceOf(LoginChange.None.class);
  }

  @Test
  void ipHostsAreAcceptedAndIpv6LosesItsBrackets() {
    assertThat(TrunkRules.check(input("a", "192.0.2.10", "5060", ""), false).host())
        .isEqualTo("192.0.2.10");
    assertThat(TrunkRules.check(input("a", "[2001:DB8::10]", "5060", ""), false).host())
        .isEqualTo("2001:db8::10");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sip:carrier.example",
        "carrier.example:5060",
        "-bad.example",
        "bad_host.example",
        "999.1.1.1",
        "10.0.0",
        "192.0.2.0/24",
        "a..b"
      })
  void aBadHostIsRefused(String host) {
    assertThat(keys(() -> TrunkRules.check(input("a", host, "5060", ""), false)))
        .containsExactly("trunks.refused.host");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1", "50 60", "abc", "", "99999999999"})
  void aPortOutsideOneTo65535IsRefusedWithItsRange(String port) {
    Refusal refusal = refusal(() -> TrunkRules.check(input("a", "h.example", port, ""), false));
    assertThat(refusal.messageKey()).isEqualTo("trunks.refused.port");
    assertThat(refusal.arguments()).containsExactly(1, 65535);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    TrunkInput bad =
        new TrunkInput(
            "has space",
            "h.example",
            "0",
            null,
            "1000",
            "0",
            "-1",
            "61",
            "10.0.0.300, bad",
            "",
            "",
            "",
            false);
    assertThat(keys(() -> TrunkRules.check(bad, false)))
        .containsExactly(
            "trunks.refused.name",
            "trunks.refused.port",
            "trunks.refused.transport",
            "trunks.refused.priority",
            "trunks.refused.weight",
            "trunks.refused.channels",
            "trunks.refused.timeout",
            "trunks.refused.source",
            "trunks.refused.source");
  }

  @Test
  void aBadSourceIsNamedInItsMessage() {
    Refusal refusal =
        refusal(() -> TrunkRules.check(input("a", "h.example", "5060", "10.0.0.0/33"), false));
    assertThat(refusal.messageKey()).isEqualTo("trunks.refused.source");
    assertThat(refusal.arguments()).containsExactly("10.0.0.0/33");
  }

  @Test
  void aNewLoginNeedsUsernameAndPassword() {
    assertThat(keys(() -> TrunkRules.check(withLogin("acct", "", "", false), false)))
        .containsExactly("trunks.refused.passwordMissing");
    assertThat(keys(() -> TrunkRules.check(withLogin("", "pw", "", false), false)))
        .containsExactly("trunks.refused.usernameMissing");
    assertThat(keys(() -> TrunkRules.check(withLogin("a b", "pw", "r\"", false), false)))
        .containsExactly("trunks.refused.username", "trunks.refused.realm");
    assertThat(keys(() -> TrunkRules.check(withLogin("acct", "x".repeat(129), "", false), false)))
        .containsExactly("trunks.refused.password");
    assertThat(
            TrunkRules.check(withLogin("acct", "Pässwört 1", "carrier.example", false), false)
                .login())
        .isEqualTo(new LoginChange.Set("acct", "Pässwört 1", "carrier.example"));
  }

  @Test
  void aStoredPasswordIsKeptReplacedOrRemoved() {
    assertThat(TrunkRules.check(withLogin("acct2", "", "", false), true).login())
        .isEqualTo(new LoginChange.Keep("acct2", null));
    assertThat(TrunkRules.check(withLogin("acct", "new", "r", false), true).login())
        .isEqualTo(new LoginChange.Set("acct", "new", "r"));
    assertThat(TrunkRules.check(withLogin("acct", "", "", true), true).login())
        .isInstanceOf(LoginChange.Remove.class);
    assertThat(TrunkRules.check(withLogin("", "", "", false), true).login())
        .isInstanceOf(LoginChange.Remove.class);
    assertThat(TrunkRules.check(withLogin("acct", "pw", "", true), false).login())
        .isInstanceOf(LoginChange.None.class);
  }

  @Test
  void typedPasswordsNeverShowInText() {
    assertThat(withLogin("acct", "s3cr3t", "", false).toString()).doesNotContain("s3cr3t");
    assertThat(new LoginChange.Set("acct", "s3cr3t", null).toString()).doesNotContain("s3cr3t");
  }

  private static Refusal refusal(Runnable check) {
    try {
      check.run();
    } catch (TrunkRefused e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  private static List<String> keys(Runnable check) {
    assertThatThrownBy(check::run).isInstanceOf(TrunkRefused.class);
    return refusal(check).explanations().stream().map(Refusal.Explanation::key).toList();
  }
}
