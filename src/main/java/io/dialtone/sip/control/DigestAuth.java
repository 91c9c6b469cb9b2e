package io.dialtone.sip.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Digest authentication of SIP requests (SECURITY.md D1–D3): challenges with SHA-256 first and MD5
 * second, {@code qop="auth"}, a fresh signed nonce per challenge; checks credentials against the
 * cached HA1, spending the same work whether the user exists or not (an unknown, disabled or
 * suspended user gets a dummy HA1 that never matches). The digest {@code uri} must name the
 * request's own Request-URI, so an answer computed for one destination cannot be sent to another. A
 * stale nonce gets {@code stale=true} only when the response was right for it.
 */
@ApplicationScoped
public class DigestAuth {

  private static final Pattern SAFE_REALM = Pattern.compile("[a-z0-9.\\-\\[\\]:]{1,200}");

  @Inject SipSettings settings;
  @Inject SipCredentialCache credentials;
  @Inject Clock clock;

  private Nonces nonces;
  private String dummySecret;
  private List<String> md5FirstAgents;

  /** What a request's credentials prove. */
  public sealed interface Outcome {}

  /** The request is authenticated as {@code user}. */
  public record Authenticated(SipUser user) implements Outcome {}

  /**
   * Challenge again. {@code failure} names why the credentials failed ({@code auth-failed}, {@code
   * replay}); null when there were none for this realm or they were merely stale.
   */
  public record Challenge(boolean stale, String failure) implements Outcome {}

  @PostConstruct
  void init() {
    SecureRandom random = new SecureRandom();
    byte[] secret =
        settings
            .nonceSecret()
            .map(DigestAuth::decodeSecret)
            .orElseGet(
                () -> {
                  byte[] generated = new byte[32];
                  random.nextBytes(generated);
                  return generated;
                });
    nonces = new Nonces(secret, settings.nonceLifetime(), clock, random);
    byte[] dummy = new byte[16];
    random.nextBytes(dummy);
    dummySecret = Base64.getUrlEncoder().withoutPadding().encodeToString(dummy);
    md5FirstAgents = settings.md5FirstAgents();
  }

  private static byte[] decodeSecret(String text) {
    try {
      byte[] decoded = Base64.getDecoder().decode(text.strip());
      if (decoded.length >= 16) {
        return decoded;
      }
    } catch (IllegalArgumentException e) {
      // not base64: use the text's bytes
    }
    return text.strip().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Checks {@code request}'s credentials for {@code user} in {@code realm}; {@code refuse} makes
   * every credential fail (a banned source) without any other difference.
   */
  public Outcome authenticate(SipRequest request, String realm, String user, boolean refuse) {
    DigestCredentials given = credentialsFor(request, realm);
    if (given == null) {
      return new Challenge(false, null);
    }
    Optional<SipDigest> algorithm = DigestMath.algorithm(given.algorithm());
    SipDigest digest = algorithm.orElse(SipDigest.SHA_256);
    Optional<SipUser> known = credentials.find(realm, user);
    String dummyHa1 = digest.ha1(user, realm, dummySecret);
    String ha1 = known.map(u -> u.ha1(digest)).orElse(dummyHa1);
    String expected = DigestMath.response(digest, ha1, request.method(), given);
    boolean right =
        DigestMath.same(expected, given.response())
            & known.isPresent()
            & algorithm.isPresent()
            & !refuse
            & "auth".equals(given.qop())
            & user.equals(given.username())
            & sameUri(given.uri(), request.requestUri());
    Nonces.Check nonce = nonces.check(given.nonce());
    if (!right || nonce == Nonces.Check.INVALID) {
      return new Challenge(false, "auth-failed");
    }
    if (nonce == Nonces.Check.STALE) {
      return new Challenge(true, null);
    }
    if (!nonces.use(given.nonce(), given.nc())) {
      return new Challenge(false, "replay");
    }
    return new Authenticated(known.get());
  }

  /**
   * Whether the digest {@code uri} is the Request-URI. Case is ignored: scheme and host are
   * case-insensitive (RFC 3261 §19.1.4) and the transport hands over the Request-URI as the SIP
   * library re-encodes it, not byte for byte as the phone wrote it.
   */
  private static boolean sameUri(String digestUri, String requestUri) {
    return digestUri.equalsIgnoreCase(requestUri);
  }

  /**
   * The challenge: SHA-256 then MD5 (MD5 first for the configured legacy User-Agents); 401 with
   * WWW-Authenticate for a REGISTER (the registrar is its target), 407 with Proxy-Authenticate for
   * any other request (Dialtone proxies it on).
   */
  public SipAnswer challenge(SipRequest request, String realm, boolean stale) {
    boolean registrar = "REGISTER".equals(request.method());
    String name = registrar ? "WWW-Authenticate" : "Proxy-Authenticate";
    String nonce = nonces.issue();
    String safeRealm = SAFE_REALM.matcher(realm).matches() ? realm : "invalid";
    String common = "Digest realm=\"" + safeRealm + "\", nonce=\"" + nonce + "\", algorithm=";
    String tail = ", qop=\"auth\"" + (stale ? ", stale=true" : "");
    SipAnswer.Header sha = new SipAnswer.Header(name, common + "SHA-256" + tail);
    SipAnswer.Header md5 = new SipAnswer.Header(name, common + "MD5" + tail);
    int status = registrar ? 401 : 407;
    return md5First(request.userAgent())
        ? SipAnswer.of(status, md5, sha)
        : SipAnswer.of(status, sha, md5);
  }

  private boolean md5First(String userAgent) {
    if (md5FirstAgents.isEmpty() || userAgent.isEmpty()) {
      return false;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    return md5FirstAgents.stream().anyMatch(agent::startsWith);
  }

  /** The first Digest credentials for {@code realm}, or null. */
  private static DigestCredentials credentialsFor(SipRequest request, String realm) {
    for (String header : request.authorizations()) {
      Optional<DigestCredentials> parsed = DigestCredentials.parse(header);
      if (parsed.isPresent() && parsed.get().realm().equalsIgnoreCase(realm)) {
        return parsed.get();
      }
    }
    return request.authorizations().isEmpty()
        ? null
        : DigestCredentials.parse(request.authorizations().get(0)).orElse(null);
  }
}
