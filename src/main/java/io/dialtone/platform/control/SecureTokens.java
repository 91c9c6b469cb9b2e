package io.dialtone.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens, digests and comparisons for secrets.
 *
 * <p>Rule: every token, salt and IV comes from one shared {@link SecureRandom} (SECURITY.md I); a
 * token carries at least 128 bits; secrets are compared in constant time.
 */
public final class SecureTokens {

  /** The smallest token {@link #newToken(int)} accepts, in bits. */
  public static final int MIN_TOKEN_BITS = 128;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SecureTokens() {}

  /**
   * A fresh random token, base64url without padding.
   *
   * @param bits entropy of the token, at least {@value #MIN_TOKEN_BITS}; rounded up to whole bytes
   * @throws IllegalArgumentException if {@code bits} is below {@value #MIN_TOKEN_BITS}
   */
  public static String newToken(int bits) {
    if (bits < MIN_TOKEN_BITS) {
      throw new IllegalArgumentException("a token needs at least " + MIN_TOKEN_BITS + " bits");
    }
    return URL_ENCODER.encodeToString(randomBytes((bits + 7) / 8));
  }

  /** {@code length} fresh bytes from the shared {@link SecureRandom}. */
  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The SHA-256 digest of the UTF-8 bytes of {@code value}, as 64 lowercase hex characters. */
  public static String sha256Hex(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Whether both strings are equal, in time that does not depend on where they differ (only on
   * their lengths). {@code null} equals nothing, not even {@code null}.
   */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
