package io.dialtone.identity.control;

import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks portal passwords.
 *
 * <p>Rule (SECURITY.md A4, A7): PBKDF2-HMAC-SHA512, {@value #ITERATIONS} iterations, 16-byte random
 * salt, 64-byte key, stored as {@code pbkdf2-sha512$<iterations>$<b64 salt>$<b64 hash>}. A hash
 * with fewer iterations still verifies but {@link #needsRehash(String)} asks for an upgrade at the
 * next login. Every {@link #verify(char[], String)} costs one derivation, also when there is no
 * stored value yet (an invited user who has not enrolled) or it cannot be read, and a login for an
 * unknown user calls {@link #burnDummyVerification(char[])}, which costs the same: timing tells
 * neither whether a user exists nor whether they have chosen a password. Thread-safe.
 */
@ApplicationScoped
public class PasswordHasher {

  /** Iterations for new hashes (OWASP ASVS 5.0, appendix C). */
  public static final int ITERATIONS = 210_000;

  private static final String SCHEME = "pbkdf2-sha512";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String SEPARATOR = "$";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 64;

  /** Refuse stored values that would make one verification run for minutes. */
  private static final int MAX_ITERATIONS = 10_000_000;

  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private final int iterations;
  private volatile String dummy;

  /** A hasher with the production cost. */
  public PasswordHasher() {
    this(ITERATIONS);
  }

  /**
   * A hasher with another cost: for unit tests only, production always uses {@link #ITERATIONS}.
   */
  PasswordHasher(int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations out of range");
    }
    this.iterations = iterations;
  }

  /** A new stored value for {@code password}, with a fresh salt. */
  public String hash(char[] password) {
    byte[] salt = SecureTokens.randomBytes(SALT_BYTES);
    byte[] hash = derive(password, salt, iterations, HASH_BYTES);
    return format(iterations, salt, hash);
  }

  /**
   * Whether {@code password} matches {@code stored}, compared in constant time. Costs one
   * derivation whatever {@code stored} is: answering a missing or malformed value at once would
   * tell a caller timing the answer that the user has no password yet.
   *
   * @return {@code false} as well when {@code stored} is null or malformed
   */
  public boolean verify(char[] password, String stored) {
    Parsed parsed = Parsed.of(stored);
    if (parsed == null) {
      derive(password, Parsed.of(dummyHash()));
      return false;
    }
    return MessageDigest.isEqual(derive(password, parsed), parsed.hash());
  }

  /**
   * Whether {@code stored} should be replaced by a fresh {@link #hash(char[])} after a successful
   * login: true when it uses fewer iterations than this hasher, another key length, or cannot be
   * read.
   */
  public boolean needsRehash(String stored) {
    Parsed parsed = Parsed.of(stored);
    return parsed == null || parsed.iterations() < iterations || parsed.hash().length != HASH_BYTES;
  }

  /**
   * Runs one verification of {@code password} against a stored value that matches nothing, at the
   * same cost as {@link #verify(char[], String)}; for logins of unknown users. The dummy value has
   * a random salt and a random hash: deriving it would cost time and prove nothing more.
   */
  public void burnDummyVerification(char[] password) {
    verify(password, dummyHash());
  }

  private String dummyHash() {
    String value = dummy;
    if (value == null) {
      value =
          format(
              iterations,
              SecureTokens.randomBytes(SALT_BYTES),
              SecureTokens.randomBytes(HASH_BYTES));
      dummy = value;
    }
    return value;
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    return SCHEME
        + SEPARATOR
        + iterations
        + SEPARATOR
        + ENCODER.encodeToString(salt)
        + SEPARATOR
        + ENCODER.encodeToString(hash);
  }

  private static byte[] derive(char[] password, Parsed stored) {
    return derive(password, stored.salt(), stored.iterations(), stored.hash().length);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec =
        new PBEKeySpec(password == null ? new char[0] : password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** A stored value taken apart; {@link #of(String)} answers null when it is malformed. */
  private record Parsed(int iterations, byte[] salt, byte[] hash) {

    static Parsed of(String stored) {
      if (stored == null) {
        return null;
      }
      String[] parts = stored.split("\\$", -1);
      if (parts.length != 4 || !SCHEME.equals(parts[0])) {
        return null;
      }
      try {
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = DECODER.decode(parts[2]);
        byte[] hash = DECODER.decode(parts[3]);
        boolean sane =
            iterations >= 1
                && iterations <= MAX_ITERATIONS
                && salt.length >= SALT_BYTES
                && hash.length >= 32
                && hash.length <= HASH_BYTES;
        return sane ? new Parsed(iterations, salt, hash) : null;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
