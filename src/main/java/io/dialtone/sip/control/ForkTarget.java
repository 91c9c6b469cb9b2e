package io.dialtone.sip.control;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one branch of a call goes and how it presents the call.
 *
 * @param uri the branch's Request-URI, e.g. a registered contact {@code sip:201@192.0.2.7:5062} or
 *     a carrier's {@code sip:+15145550100@carrier.example:5060;transport=tcp}
 * @param callerId when present, the user part that From and P-Asserted-Identity carry instead of
 *     what the phone sent (an outbound call's admitted caller ID); empty keeps From and removes no
 *     header but any P-Asserted-Identity the phone sent is always removed
 * @param noAnswer no answer at all (not even provisional) within it: the branch fails with 0
 * @param login credentials that answer one 401/407 of the target (a carrier's trunk login)
 */
public record ForkTarget(
    String uri, Optional<String> callerId, Duration noAnswer, Optional<Login> login) {

  public ForkTarget {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(noAnswer, "noAnswer");
    Objects.requireNonNull(login, "login");
  }

  /** A registered contact of an extension, Timer B's 32 s for an answer. */
  public static ForkTarget contact(String uri) {
    return new ForkTarget(uri, Optional.empty(), Duration.ofSeconds(32), Optional.empty());
  }

  /** Digest credentials for a target that challenges (realm empty: any). */
  public record Login(String username, String password, String realm) {
    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }
}
