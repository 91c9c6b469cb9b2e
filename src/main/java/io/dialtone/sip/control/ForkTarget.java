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
 * @param flow the connection a phone registered over TCP or TLS keeps open (RFC 5626 style), as the
 *     URI of its far end, e.g. {@code sip:192.0.2.7:49152;transport=tcp}: the branch goes down that
 *     connection, never a new one; gone, the branch fails as a transport error. Empty: the URI's
 *     own transport and address (UDP, carriers)
 * @param diversion when present, the number the call was forwarded from, sent as {@code Diversion}
 *     (RFC 5806) on a call a customer's service continuity sends on through a carrier
 */
public record ForkTarget(
    String uri,
    Optional<String> callerId,
    Duration noAnswer,
    Optional<Login> login,
    Optional<String> flow,
    Optional<Diversion> diversion) {

  public ForkTarget {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(noAnswer, "noAnswer");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(diversion, "diversion");
  }

  /** A target reached at its own address or down {@code flow}, forwarded from no number. */
  public ForkTarget(
      String uri,
      Optional<String> callerId,
      Duration noAnswer,
      Optional<Login> login,
      Optional<String> flow) {
    this(uri, callerId, noAnswer, login, flow, Optional.empty());
  }

  /** This target, its call forwarded from {@code from}. */
  public ForkTarget divertedFrom(Diversion from) {
    return new ForkTarget(uri, callerId, noAnswer, login, flow, Optional.of(from));
  }

  /** A target reached at its own address. */
  public ForkTarget(
      String uri, Optional<String> callerId, Duration noAnswer, Optional<Login> login) {
    this(uri, callerId, noAnswer, login, Optional.empty());
  }

  /** A registered contact of an extension, Timer B's 32 s for an answer. */
  public static ForkTarget contact(String uri) {
    return new ForkTarget(uri, Optional.empty(), Duration.ofSeconds(32), Optional.empty());
  }

  /**
   * A registered contact whose phone registered from {@code source} ({@code ip:port}) over {@code
   * transport}: over TCP or TLS, reached down that connection.
   */
  public static ForkTarget contact(String uri, String source, String transport) {
    String lower = transport.toLowerCase(java.util.Locale.ROOT);
    Optional<String> flow =
        "tcp".equals(lower) || "tls".equals(lower)
            ? Optional.of("sip:" + source + ";transport=" + lower)
            : Optional.empty();
    return new ForkTarget(uri, Optional.empty(), Duration.ofSeconds(32), Optional.empty(), flow);
  }

  /** Digest credentials for a target that challenges (realm empty: any). */
  public record Login(String username, String password, String realm) {
    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }
}
