package io.dialtone.kernel.entity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account's SIP domain, which is also the digest realm of its extensions: {@code <account
 * number>.sip.<base domain>} in lower case, e.g. {@code c-000042.sip.voice.example.com}. The
 * account number is unique and never reused, so realms never collide; the base domain is the
 * provider's ({@code dialtone.sip.base-domain}). The SIP user of an extension is its number.
 */
public record SipRealm(String value) {

  public static final int MAX_LENGTH = 200;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public SipRealm {
    if (value == null || value.length() > MAX_LENGTH || !isDomain(value)) {
      throw new IllegalArgumentException("not a SIP domain");
    }
  }

  /** The realm of the account numbered {@code accountNumber} under {@code baseDomain}. */
  public static SipRealm of(String accountNumber, String baseDomain) {
    if (accountNumber == null || accountNumber.isBlank() || baseDomain == null) {
      throw new IllegalArgumentException("account number and base domain are required");
    }
    return new SipRealm(
        (accountNumber.strip() + ".sip." + baseDomain.strip()).toLowerCase(Locale.ROOT));
  }

  private static boolean isDomain(String text) {
    String[] labels = text.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
