package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import java.util.regex.Pattern;

/**
 * What Dialtone accepts as a new e-mail address: at most {@value User#EMAIL_MAX} characters, one
 * {@code @}, a non-empty local part without spaces or control characters, and a domain of dot
 * separated labels with at least one dot. Deliberately simple: the confirmation link proves the
 * address works.
 */
public final class EmailAddresses {

  private static final Pattern SHAPE =
      Pattern.compile(
          "[^\\s@\\p{Cntrl}]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z]{2,63}");

  private EmailAddresses() {}

  /** Whether {@code email} (after trimming) is acceptable. */
  public static boolean isValid(String email) {
    String normalized = User.normalizeEmail(email);
    return normalized != null
        && normalized.length() <= User.EMAIL_MAX
        && SHAPE.matcher(normalized).matches();
  }
}
