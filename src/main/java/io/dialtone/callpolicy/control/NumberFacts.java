package io.dialtone.callpolicy.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import io.dialtone.kernel.entity.E164Number;

/**
 * What libphonenumber says about a dialled string with a default region, whoever dials it.
 *
 * @param number the E.164 form, or {@code null} when it is not a possible number
 * @param valid whether it is in an assigned range
 * @param region the destination's region code ({@code 001} for non-geographic numbers)
 * @param type the number type
 * @param nationalNumber the national significant number (area code first)
 */
record NumberFacts(
    E164Number number, boolean valid, String region, PhoneNumberType type, String nationalNumber) {

  static final NumberFacts IMPOSSIBLE =
      new NumberFacts(null, false, null, PhoneNumberType.UNKNOWN, "");
}
