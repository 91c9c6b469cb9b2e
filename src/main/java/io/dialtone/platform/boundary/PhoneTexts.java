package io.dialtone.platform.boundary;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Phone numbers as people of the viewer's account's country write them (libphonenumber): a number
 * of that country's calling code (all of North America for +1) in its national format ({@code
 * +16135550123} → {@code (613) 555-0123}), any other in the international format ({@code +33 1 42
 * 68 53 00}). What is not an E.164 number (an extension, dialled digits) is shown as it is. Pages
 * call it as {@code #{dt:phone(value)}}.
 */
public final class PhoneTexts {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private PhoneTexts() {}

  /** {@code number} for the signed-in viewer; empty for {@code null}. */
  public static String phone(String number) {
    return format(number, CDI.current().select(ViewerZone.class).get().country());
  }

  /** {@code number} for a viewer in {@code country} (ISO 3166, {@code null}: unknown). */
  public static String format(String number, String country) {
    if (number == null) {
      return "";
    }
    if (!number.startsWith("+")) {
      return number;
    }
    try {
      PhoneNumber parsed = PHONES.parse(number, null);
      if (!PHONES.isPossibleNumber(parsed)) {
        return number;
      }
      // Same country code: written the national way (in North America a Canadian writes a US
      // number as (900) 234-5678 too, one numbering plan).
      boolean home =
          country != null
              && PHONES.getCountryCodeForRegion(country.toUpperCase(java.util.Locale.ROOT))
                  == parsed.getCountryCode();
      return PHONES.format(
          parsed, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return number;
    }
  }
}
