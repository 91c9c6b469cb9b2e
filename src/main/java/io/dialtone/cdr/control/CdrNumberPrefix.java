package io.dialtone.cdr.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The number filter of the CDR page as stored digits: call records keep the other party's E.164
 * digits without {@code +} ({@code remote_digits}), and the filter is a prefix of those, never a
 * leading wildcard. What a user types is turned into such a prefix with the account's country, by
 * libphonenumber's metadata (its country calling code and national prefix, as the call policy's
 * {@code NumberClassifier} reads numbers):
 *
 * <ul>
 *   <li>{@code +}, {@code 00} (and {@code 011} in NANP) start an international number: the digits
 *       after it, as typed ({@code +44 20 7946} → {@code 44207946});
 *   <li>the country's national prefix starts a national number: the country code replaces it
 *       ({@code 020 7946} in GB → {@code 44207946}; {@code 1 514 555} in CA → {@code 1514555});
 *   <li>digits without either are national where numbers are dialled that way — NANP ({@code 514
 *       555} in CA → {@code 1514555}) and countries without a national prefix ({@code 06 1234} in
 *       IT → {@code 39061234}) — and stored digits elsewhere ({@code 44207} in GB stays {@code
 *       44207}: a GB national number always starts with its 0).
 * </ul>
 */
public final class CdrNumberPrefix {

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

  private CdrNumberPrefix() {}

  /**
   * What the user typed as digits: separators (spaces, brackets, dots, dashes) dropped, a leading
   * {@code +} written {@code 00}; {@code null} for nothing. Other characters are kept, for the
   * filter to refuse.
   */
  public static String typed(String raw) {
    if (raw == null) {
      return null;
    }
    String kept = raw.replaceAll("[\\s().-]", "");
    if (kept.startsWith("+")) {
      kept = "00" + kept.substring(1);
    }
    return kept.isEmpty() ? null : kept;
  }

  /**
   * The stored-digits prefix that {@code typed} (digits as {@link #typed} returns them) means in an
   * account of {@code region} (ISO 3166 alpha-2); {@code typed} itself when it is not all digits or
   * the region is unknown to libphonenumber.
   */
  public static String storedDigits(String typed, String region) {
    if (typed == null || !typed.matches("[0-9]+")) {
      return typed;
    }
    int countryCode = region == null ? 0 : PHONE_NUMBERS.getCountryCodeForRegion(region);
    if (countryCode == 0) {
      return typed.startsWith("00") ? typed.substring(2) : typed;
    }
    boolean nanp = countryCode == 1;
    if (nanp && typed.startsWith("011")) {
      return typed.substring(3);
    }
    if (typed.startsWith("00")) {
      return typed.substring(2);
    }
    String nationalPrefix = PHONE_NUMBERS.getNddPrefixForRegion(region, true);
    String cc = Integer.toString(countryCode);
    if (nationalPrefix != null && !nationalPrefix.isEmpty()) {
      if (typed.startsWith(nationalPrefix)) {
        return cc + typed.substring(nationalPrefix.length());
      }
      return nanp ? cc + typed : typed;
    }
    return cc + typed;
  }
}
