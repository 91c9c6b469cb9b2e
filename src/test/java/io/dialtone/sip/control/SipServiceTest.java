package io.dialtone.sip.control;

import static io.dialtone.sip.control.SipFixtures.REALM;
import static io.dialtone.sip.control.SipFixtures.SECRET;
import static io.dialtone.sip.control.SipFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.control.SipRequest.ContactEntry;
import io.dialtone.sip.control.SipRequest.Peer;
import io.dialtone.sip.control.SipRequest.SipAddress;
import io.dialtone.sip.entity.BanReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler's rules (SECURITY.md D1–D5) and the registrar's (RFC 3261 §10.3), in memory. */
class SipServiceTest {

  private final SipFixtures f = new SipFixtures();
  private long cseq = 1;

  private static final ContactEntry DESK = new ContactEntry("sip:201@192.0.2.7:5060", -1);
  private static final ContactEntry SOFT = new ContactEntry("sip:201@192.0.2.8:5062", -1);

  /** Challenge then answer; the final answer. */
  private SipAnswer register(
      String secret, SipDigest digest, List<ContactEntry> contacts, long expires) {
    SipRequest first = Requests.register(USER, "call-1", cseq, contacts, expires, List.of());
    cseq += 2;
    SipAnswer challenge = f.service.handle(first);
    assertThat(challenge.status()).isEqualTo(401);
    String auth =
        Requests.authorization(
            digest, USER, secret, Requests.nonceOf(challenge), "00000001", "REGISTER");
    return f.service.handle(Requests.withAuthorization(first, auth));
  }

  /**
   * An INVITE from a carrier trunk's declared source is proxied as the carrier's without any
   * challenge; the same INVITE from any other address is challenged, whatever number it calls.
   */
  @Test
  void anInviteFromATrunksSourceIsTheCarriersAndFromAnyOtherSourceIsChallenged() {
    SipRequest fromCarrier = carrierInvite("+16135550100", SipFixtures.CARRIER_SOURCE);
    SipAnswer carrier = f.service.handle(fromCarrier);
    assertThat(carrier.proxied()).isTrue();
    assertThat(carrier.carrier()).isEqualTo("carrier-1");
    assertThat(carrier.caller()).isNull();

    SipAnswer known = f.service.handle(carrierInvite("+16135550100", "198.51.100.21"));
    SipAnswer unknown = f.service.handle(carrierInvite("+16135559999", "198.51.100.21"));
    assertThat(known.status()).isEqualTo(407);
    assertThat(known.proxied()).isFalse();
    assertThat(unknown.status()).isEqualTo(407);
    assertThat(unknown.proxied()).isFalse();
  }

  private static SipRequest carrierInvite(String number, String source) {
    return new SipRequest(
        "INVITE",
        "sip:" + number + "@" + REALM,
        new SipAddress("+15145550199", "carrier.example"),
        new SipAddress(number, REALM),
        "c-" + number + source,
        1,
        List.of(),
        false,
        -1,
        List.of(),
        "",
        new Peer(source, 5060, "UDP"));
  }

  @Test
  void challengesWithSha256FirstThenMd5AndQopAuth() {
    SipAnswer challenge =
        f.service.handle(Requests.register(USER, "c", 1, List.of(DESK), 600, List.of()));
    assertThat(challenge.status()).isEqualTo(401);
    assertThat(challenge.headers()).hasSize(2);
    assertThat(challenge.headers().get(0).value())
        .startsWith("Digest realm=\"" + REALM + "\", nonce=\"")
        .endsWith("\", algorithm=SHA-256, qop=\"auth\"");
    assertThat(challenge.headers().get(1).value()).endsWith("\", algorithm=MD5, qop=\"auth\"");
  }

  @Test
  void registersRefreshesAndListsEveryContact() {
    assertThat(register(SECRET, SipDigest.SHA_256, List.of(DESK), 600).headers())
        .extracting(SipAnswer.Header::value)
        .contains("<sip:201@192.0.2.7:5060>;expires=600");
    SipAnswer both = register(SECRET, SipDigest.MD5, List.of(SOFT), 7200);
    assertThat(both.status()).isEqualTo(200);
    assertThat(both.headers())
        .extracting(SipAnswer.Header::value)
        .contains("<sip:201@192.0.2.7:5060>;expires=600", "<sip:201@192.0.2.8:5062>;expires=3600");
    assertThat(f.location.bindingsOf(7L)).hasSize(2);
  }

  @Test
  void removesOneContactThenTheLastFiresDeviceOffline() {
    register(SECRET, SipDigest.SHA_256, List.of(DESK, SOFT), 600);
    SipAnswer one =
        register(SECRET, SipDigest.SHA_256, List.of(new ContactEntry(DESK.uri(), 0)), -1);
    assertThat(one.headers())
        .extracting(SipAnswer.Header::value)
        .containsExactly("<sip:201@192.0.2.8:5062>;expires=600", one.headers().get(1).value());
    assertThat(f.events).isEmpty();
    register(SECRET, SipDigest.SHA_256, List.of(SOFT), 0);
    assertThat(f.location.isRegistered(7L)).isFalse();
    assertThat(f.events).singleElement().isInstanceOf(DeviceOffline.class);
  }

  @Test
  void theWildcardNeedsExpiresZeroAndRemovesAll() {
    register(SECRET, SipDigest.SHA_256, List.of(DESK, SOFT), 600);
    SipRequest star =
        new SipRequest(
            "REGISTER",
            "sip:" + REALM,
            new SipAddress(USER, REALM),
            new SipAddress(USER, REALM),
            "call-1",
            100,
            List.of(),
            true,
            0,
            List.of(),
            "",
            Requests.PHONE);
    SipAnswer challenge = f.service.handle(star);
    String auth =
        Requests.authorization(
            SipDigest.SHA_256, USER, SECRET, Requests.nonceOf(challenge), "00000001", "REGISTER");
    assertThat(f.service.handle(Requests.withAuthorization(star, auth)).status()).isEqualTo(200);
    assertThat(f.location.bindingsOf(7L)).isEmpty();
  }

  @Test
  void aTooBriefExpiryGets423WithMinExpires() {
    SipAnswer answer = register(SECRET, SipDigest.SHA_256, List.of(DESK), 30);
    assertThat(answer.status()).isEqualTo(423);
    assertThat(answer.headers()).containsExactly(new SipAnswer.Header("Min-Expires", "60"));
  }

  @Test
  void moreNewContactsThanAllowedGet403AndAFullExtensionReplacesItsOldest() {
    ContactEntry third = new ContactEntry("sip:201@192.0.2.9:5060", -1);
    assertThat(register(SECRET, SipDigest.SHA_256, List.of(DESK, SOFT, third), 600).status())
        .isEqualTo(403);
    register(SECRET, SipDigest.SHA_256, List.of(DESK), 600);
    f.clock.advance(Duration.ofSeconds(5));
    register(SECRET, SipDigest.SHA_256, List.of(SOFT), 600);
    f.clock.advance(Duration.ofSeconds(5));
    register(SECRET, SipDigest.SHA_256, List.of(third), 600);
    assertThat(f.location.bindingsOf(7L))
        .extracting(b -> b.contact())
        .containsExactlyInAnyOrder(SOFT.uri(), third.uri());
  }

  @Test
  void aWrongPasswordAnUnknownUserAndABannedSourceGetTheSameFreshChallenge() {
    SipAnswer wrong = register("wrong", SipDigest.SHA_256, List.of(DESK), 600);
    SipRequest unknown = Requests.register("299", "call-9", 1, List.of(DESK), 600, List.of());
    SipAnswer unknownChallenge = f.service.handle(unknown);
    String auth =
        Requests.authorization(
            SipDigest.SHA_256,
            "299",
            SECRET,
            Requests.nonceOf(unknownChallenge),
            "00000001",
            "REGISTER");
    SipAnswer unknownAnswer = f.service.handle(Requests.withAuthorization(unknown, auth));
    for (SipAnswer answer : List.of(wrong, unknownAnswer)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.headers().get(0).value()).doesNotContain("stale");
    }
    assertThat(wrong.headers().get(0).value().replaceAll("nonce=\"[^\"]+\"", ""))
        .isEqualTo(unknownAnswer.headers().get(0).value().replaceAll("nonce=\"[^\"]+\"", ""));
    f.guard.scannerSeen(Requests.PHONE.ip(), "test");
    assertThat(register(SECRET, SipDigest.SHA_256, List.of(DESK), 600).status()).isEqualTo(401);
  }

  @Test
  void aReplayedAuthorizationGets401AndAStaleNonceStaleTrue() {
    SipRequest first = Requests.register(USER, "call-1", 1, List.of(DESK), 600, List.of());
    String nonce = Requests.nonceOf(f.service.handle(first));
    String auth =
        Requests.authorization(SipDigest.SHA_256, USER, SECRET, nonce, "00000001", "REGISTER");
    assertThat(f.service.handle(Requests.withAuthorization(first, auth)).status()).isEqualTo(200);
    SipRequest again = Requests.register(USER, "call-1", 5, List.of(DESK), 600, List.of(auth));
    assertThat(f.service.handle(again).status()).isEqualTo(401);
    f.clock.advance(Duration.ofSeconds(301));
    String later =
        Requests.authorization(SipDigest.SHA_256, USER, SECRET, nonce, "00000002", "REGISTER");
    SipAnswer stale =
        f.service.handle(Requests.register(USER, "call-1", 7, List.of(DESK), 600, List.of(later)));
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.headers().get(0).value()).endsWith("stale=true");
  }

  @Test
  void aStaleNonceWithAWrongPasswordGetsAPlainChallengeNotStale() {
    SipRequest first = Requests.register(USER, "call-1", 1, List.of(DESK), 600, List.of());
    String nonce = Requests.nonceOf(f.service.handle(first));
    f.clock.advance(Duration.ofSeconds(301));
    String wrong =
        Requests.authorization(SipDigest.SHA_256, USER, "wrong", nonce, "00000001", "REGISTER");
    SipAnswer answer = f.service.handle(Requests.withAuthorization(first, wrong));
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.headers())
        .extracting(SipAnswer.Header::value)
        .as("stale=true would tell a guesser the nonce, not the password, was wrong")
        .noneMatch(value -> value.contains("stale"));
    for (int i = 0; i < 9; i++) {
      f.service.handle(Requests.withAuthorization(first, wrong));
    }
    assertThat(f.guard.banned(Requests.PHONE.ip()))
        .as("a wrong password on a stale nonce counts as a failure")
        .isTrue();
  }

  @Test
  void anAnswerWhoseDigestUriIsNotTheRequestUriIsRefused() {
    SipRequest invite =
        new SipRequest(
            "INVITE",
            "sip:300@" + REALM,
            new SipAddress(USER, REALM),
            new SipAddress("300", REALM),
            "i",
            1,
            List.of(),
            false,
            -1,
            List.of(),
            "",
            Requests.PHONE);
    String elsewhere = "sip:900555@" + REALM;
    String nonce = Requests.nonceOf(f.service.handle(invite));
    String forOther =
        Requests.authorization(
            SipDigest.SHA_256, USER, SECRET, nonce, "00000001", "INVITE", elsewhere);
    SipAnswer refused = f.service.handle(Requests.withAuthorization(invite, forOther));
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.headers().get(0).value()).doesNotContain("stale");

    String register = "sip:" + REALM;
    SipRequest first = Requests.register(USER, "call-1", 1, List.of(DESK), 600, List.of());
    String next = Requests.nonceOf(f.service.handle(first));
    String wrongUri =
        Requests.authorization(
            SipDigest.SHA_256, USER, SECRET, next, "00000001", "REGISTER", register + ";x=1");
    assertThat(f.service.handle(Requests.withAuthorization(first, wrongUri)).status())
        .isEqualTo(401);
    String sameUri =
        Requests.authorization(
            SipDigest.SHA_256, USER, SECRET, next, "00000002", "REGISTER", register.toUpperCase());
    assertThat(f.service.handle(Requests.withAuthorization(first, sameUri)).status())
        .as("the same URI in other case (scheme and host are case-insensitive)")
        .isEqualTo(200);
  }

  @Test
  void anOutOfOrderCSeqOfTheSameCallIdIsRefused() {
    cseq = 10;
    register(SECRET, SipDigest.SHA_256, List.of(DESK), 600);
    cseq = 3;
    assertThat(register(SECRET, SipDigest.SHA_256, List.of(DESK), 0).status()).isEqualTo(500);
    assertThat(f.location.isRegistered(7L)).isTrue();
  }

  @Test
  void optionsGets200WithoutAUserAndAnInviteIsChallengedWith407ThenProxiedOnceRegistered() {
    SipRequest options =
        new SipRequest(
            "OPTIONS",
            "sip:299@" + REALM,
            new SipAddress("299", REALM),
            new SipAddress("299", REALM),
            "o",
            1,
            List.of(),
            false,
            -1,
            List.of(),
            "",
            Requests.PHONE);
    assertThat(f.service.handle(options).status()).isEqualTo(200);
    SipRequest invite =
        new SipRequest(
            "INVITE",
            "sip:300@" + REALM,
            new SipAddress(USER, REALM),
            new SipAddress("300", REALM),
            "i",
            1,
            List.of(),
            false,
            -1,
            List.of(),
            "",
            Requests.PHONE);
    SipAnswer challenge = f.service.handle(invite);
    assertThat(challenge.status()).isEqualTo(407);
    assertThat(challenge.headers())
        .extracting(SipAnswer.Header::name)
        .containsOnly("Proxy-Authenticate");
    String auth =
        Requests.authorization(
            SipDigest.SHA_256,
            USER,
            SECRET,
            Requests.nonceOf(challenge),
            "00000001",
            "INVITE",
            invite.requestUri());
    SipAnswer unregistered = f.service.handle(Requests.withAuthorization(invite, auth));
    assertThat(unregistered.status()).isEqualTo(403);
    assertThat(unregistered.proxied()).isFalse();

    register(SECRET, SipDigest.SHA_256, List.of(DESK), 600);
    SipAnswer again = f.service.handle(invite);
    String second =
        Requests.authorization(
            SipDigest.SHA_256,
            USER,
            SECRET,
            Requests.nonceOf(again),
            "00000001",
            "INVITE",
            invite.requestUri());
    SipAnswer proxied = f.service.handle(Requests.withAuthorization(invite, second));
    assertThat(proxied.proxied()).isTrue();
    assertThat(proxied.caller().extensionId()).isEqualTo(7L);
  }

  @Test
  void tenFailuresBanTheSourceAndAScannerIsDroppedAndBanned() {
    for (int i = 0; i < 10; i++) {
      register("wrong", SipDigest.MD5, List.of(DESK), 600);
    }
    assertThat(f.guard.current())
        .singleElement()
        .satisfies(b -> assertThat(b.reason()).isEqualTo(BanReason.DIGEST_FAILURES));
    assertThat(register(SECRET, SipDigest.SHA_256, List.of(DESK), 600).status()).isEqualTo(401);
    assertThat(f.events).hasAtLeastOneElementOfType(SourceBanned.class);

    Peer scanner = new Peer("198.51.100.9", 5060, "UDP");
    SipRequest probe =
        new SipRequest(
            "OPTIONS",
            "sip:100@" + REALM,
            new SipAddress("100", REALM),
            new SipAddress("100", REALM),
            "s",
            1,
            List.of(),
            false,
            -1,
            List.of(),
            "friendly-scanner",
            scanner);
    assertThat(f.service.handle(probe).dropped()).isTrue();
    assertThat(f.guard.banned(scanner.ip())).isTrue();
    assertThat(f.guard.lift(scanner.ip())).isTrue();
    assertThat(f.guard.banned(scanner.ip())).isFalse();
  }

  @Test
  void aBannedSourceOverTheRateCeilingGetsNothingAtAll() {
    f.guard.scannerSeen(Requests.PHONE.ip(), "sipvicious");
    SipRequest probe = Requests.register(USER, "flood", 1, List.of(DESK), 600, List.of());
    for (int i = 0; i < 200; i++) {
      assertThat(f.service.handle(probe).status()).isEqualTo(401);
    }
    assertThat(f.service.handle(probe).dropped()).isTrue();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.service.handle(probe).status()).isEqualTo(401);
  }
}
