package io.dialtone.extension.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest algorithms a SIP phone may answer with (RFC 8760: SHA-256 first, MD5 for older phones)
 * and the HA1 each needs: {@code H(user ":" realm ":" secret)} in lower-case hex (RFC 7616 §3.4.2).
 * Pure.
 */
public enum SipDigest {
  SHA_256("SHA-256"),
  MD5("MD5");

  private final String jcaName;

  SipDigest(String jcaName) {
    this.jcaName = jcaName;
  }

  /** The name in the {@code algorithm=} parameter of a challenge (also the JCA name). */
  public String algorithm() {
    return jcaName;
  }

  /** HA1 of {@code user} in {@code realm} with {@code secret}. */
  public String ha1(String user, String realm, String secret) {
    return hex(user + ":" + realm + ":" + secret);
  }

  /** H(text) in lower-case hex. */
  public String hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is missing from this JVM", e);
    }
  }
}
