package io.dialtone.sip.boundary;

import static io.dialtone.sip.boundary.ProxyMessages.random;

import io.dialtone.sip.control.DigestCredentials;
import io.dialtone.sip.control.DigestMath;
import io.dialtone.sip.control.ForkTarget;
import io.dialtone.sip.control.SipDigest;
import java.util.Locale;
import java.util.Optional;

/** The proxy's answer to a trunk's digest challenge, with the trunk's outbound login. */
final class ChallengeAnswer {

  private ChallengeAnswer() {}

  /** The Authorization value answering {@code challenge} (MD5 or SHA-256, qop auth or none). */
  static Optional<String> of(String challenge, ForkTarget.Login login, String method, String uri) {
    Optional<DigestCredentials> asked = DigestCredentials.parseChallenge(challenge);
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    DigestCredentials c = asked.get();
    if (!login.realm().isEmpty() && !login.realm().equalsIgnoreCase(c.realm())) {
      return Optional.empty();
    }
    Optional<SipDigest> algorithm = DigestMath.algorithm(c.algorithm());
    if (algorithm.isEmpty()) {
      return Optional.empty();
    }
    SipDigest digest = algorithm.get();
    String ha1 = digest.ha1(login.username(), c.realm(), login.password());
    boolean qop = c.qop().toLowerCase(Locale.ROOT).contains("auth");
    String cnonce = random();
    String nc = "00000001";
    String response =
        qop
            ? DigestMath.response(
                digest,
                ha1,
                method,
                new DigestCredentials(
                    login.username(), c.realm(), c.nonce(), uri, "", "", "auth", nc, cnonce))
            : digest.hex(ha1 + ":" + c.nonce() + ":" + digest.hex(method + ":" + uri));
    StringBuilder value =
        new StringBuilder("Digest username=\"")
            .append(login.username())
            .append("\", realm=\"")
            .append(c.realm())
            .append("\", nonce=\"")
            .append(c.nonce())
            .append("\", uri=\"")
            .append(uri)
            .append("\", response=\"")
            .append(response)
            .append("\", algorithm=")
            .append(digest.algorithm());
    if (qop) {
      value.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
    }
    return Optional.of(value.toString());
  }
}
