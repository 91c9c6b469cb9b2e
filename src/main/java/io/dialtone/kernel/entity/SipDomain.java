package io.dialtone.kernel.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account's SIP domain, which is also the digest realm of its extensions: {@code <account
 * number>.sip.<base domain>} in lower case, e.g. {@code c-000042.sip.voice.example.com}. The
 * account number is unique and never reused, so realms never collide; the base domain is the
 * provider's ({@code dialtone.sip.base-domain}). The SIP user of an extension is its number.
 */
public record SipDomain(String value) {

  public static final int MAX_LENGTH = 200;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public SipDomain {
    if (value == null || value.length() > MAX_LENGTH || !isDomain(value)) {
      throw new IllegalArgumentException("not a SIP domain");
    }
  }

  /** The realm of the account numbered {@code accountNumber} under {@code baseDomain}. */
  public static SipDomain of(String accountNumber, String baseDomain) {
    if (accountNumber == null || accountNumber.isBlank() || baseDomain == null) {
      throw new IllegalArgumentException("account number and base domain are required");
    }
    return new SipDomain(
        (accountNumber.strip() + ".sip." + baseDomain.strip()).toLowerCase(Locale.ROOT));
  }

  /**
   * The domain {@code text} names, in any case (domain names are case-insensitive, RFC 4343), if it
   * is one: input from the wire.
   */
  public static Optional<SipDomain> parse(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return isDomain(lower) ? Optional.of(new SipDomain(lower)) : Optional.empty();
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
