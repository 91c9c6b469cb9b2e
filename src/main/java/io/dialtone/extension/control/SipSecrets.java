package io.dialtone.extension.control;

import io.dialtone.platform.control.SecureTokens;

/**
 * New SIP secrets: {@value #LENGTH} characters of the base64url alphabet from the shared random
 * source ({@link SecureTokens}), the first never {@code -}. Secrets travel in the provisioning CSV,
 * and a cell that starts with {@code = + - @} is a formula to a spreadsheet; the other characters
 * of the alphabet are none of these. With 63 choices first and 64 for each of the 21 others, a
 * secret carries about 132 bits, above the 128 that SECURITY.md D6 asks for.
 */
public final class SipSecrets {

  /** Length of every secret: what phones and the provisioning tests expect. */
  public static final int LENGTH = 22;

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  /** Index of the alphabet's one formula character (its last): never drawn first. */
  private static final int FORMULA = ALPHABET.indexOf('-');

  private static final int SIX_BITS = 0x3f;

  private SipSecrets() {}

  /** A fresh secret. */
  public static String newSecret() {
    StringBuilder secret = new StringBuilder(LENGTH);
    int first;
    do { // drawing again, rather than mapping '-' to another character, keeps the 63 equally likely
      first = SecureTokens.randomBytes(1)[0] & SIX_BITS;
    } while (first == FORMULA);
    secret.append(ALPHABET.charAt(first));
    for (byte b : SecureTokens.randomBytes(LENGTH - 1)) {
      secret.append(ALPHABET.charAt(b & SIX_BITS));
    }
    return secret.toString();
  }
}
