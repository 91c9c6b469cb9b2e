package io.dialtone.identity.control;

import io.dialtone.platform.control.SecureTokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Single-use MFA recovery codes.
 *
 * <p>Rule (SECURITY.md B5, I): a set holds {@value #COUNT} distinct codes of {@value #BITS} random
 * bits each, shown once as Base32 groups {@code XXXX-XXXX-XXXX-XXXX} and stored only as {@link
 * #hash(String)}. With 80 bits of CSPRNG entropy a code cannot be guessed offline, so a plain
 * SHA-256 is enough; a slow password hash would add cost and no safety. Typed codes are compared
 * after {@link #normalize(String)}. Single use and "a new set voids the old one" are enforced by
 * the caller's store.
 */
public final class RecoveryCodes {

  /** Codes per set. */
  public static final int COUNT = 10;

  /** Entropy of one code. */
  public static final int BITS = 80;

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int GROUP = 4;
  private static final Pattern IGNORED = Pattern.compile("[\\s-]+");

  private RecoveryCodes() {}

  /** A new set of {@value #COUNT} distinct codes, formatted for display. */
  public static List<String> generate() {
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < COUNT) {
      codes.add(format(base32(SecureTokens.randomBytes(BITS / 8))));
    }
    return List.copyOf(codes);
  }

  /** {@code input} uppercased, without spaces and dashes; empty for {@code null}. */
  public static String normalize(String input) {
    return input == null ? "" : IGNORED.matcher(input).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** The value to store for a code: SHA-256 hex of its normalized form. */
  public static String hash(String code) {
    return SecureTokens.sha256Hex(normalize(code));
  }

  /** Base32 (RFC 4648 alphabet) of bytes whose bit count is a multiple of 5. */
  private static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.append(BASE32[(buffer >>> bits) & 0x1F]);
      }
    }
    return out.toString();
  }

  private static String format(String plain) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < plain.length(); i += GROUP) {
      if (i > 0) {
        out.append('-');
      }
      out.append(plain, i, i + GROUP);
    }
    return out.toString();
  }
}
