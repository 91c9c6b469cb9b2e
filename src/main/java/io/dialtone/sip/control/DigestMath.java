package io.dialtone.sip.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest computations of RFC 7616 §3.4.1 with {@code qop=auth} (RFC 8760 for SIP): {@code
 * response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" H(method ":" uri))}. Pure.
 */
public final class DigestMath {

  private DigestMath() {}

  /** The algorithm named by a challenge's or credential's {@code algorithm=} parameter. */
  public static Optional<SipDigest> algorithm(String name) {
    String upper = name == null ? "MD5" : name.strip().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "MD5" -> Optional.of(SipDigest.MD5);
      case "SHA-256" -> Optional.of(SipDigest.SHA_256);
      default -> Optional.empty();
    };
  }

  /** The expected {@code response} for {@code method} with {@code ha1} and the client's values. */
  public static String response(
      SipDigest algorithm, String ha1, String method, DigestCredentials credentials) {
    String ha2 = algorithm.hex(method + ":" + credentials.uri());
    return algorithm.hex(
        ha1
            + ":"
            + credentials.nonce()
            + ":"
            + credentials.nc()
            + ":"
            + credentials.cnonce()
            + ":"
            + credentials.qop()
            + ":"
            + ha2);
  }

  /** Compares two hex strings in time independent of where they differ. */
  public static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }
}
