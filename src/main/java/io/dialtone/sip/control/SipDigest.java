package io.dialtone.sip.control;

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

  /** One instance per thread: looking the algorithm up costs more than hashing a short text. */
  private final ThreadLocal<MessageDigest> digests;

  SipDigest(String jcaName) {
    this.jcaName = jcaName;
    this.digests = ThreadLocal.withInitial(() -> newDigest(jcaName));
  }

  private static MessageDigest newDigest(String jcaName) {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is missing from this JVM", e);
    }
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
    return HexFormat.of().formatHex(digests.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
