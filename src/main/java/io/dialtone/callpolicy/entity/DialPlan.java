package io.dialtone.callpolicy.entity;

import io.dialtone.callpolicy.control.ExtensionRange;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an account's people dial: its country (default region for numbers without a country code),
 * its local area codes and its extension range.
 *
 * <p>Local area codes are prefixes of the national significant number. In NANP they are 3-digit
 * area codes (613, 819); elsewhere any prefix (20 for London, 1 for Paris) — most countries outside
 * NANP charge one national rate, so an empty list (every domestic call NATIONAL) is the usual
 * setting there. Seven-digit dialling (NANP) is accepted only when there is exactly one local area
 * code: with several (an overlay) the area code is ambiguous, as for the real network.
 */
public record DialPlan(String country, List<String> localAreaCodes, ExtensionRange extensions) {

  /** Regions that are domestic to each other: one NANP country code, one long-distance market. */
  private static final List<String> US_CANADA = List.of("US", "CA");

  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
  private static final Pattern AREA_CODE = Pattern.compile("[0-9]{1,6}");

  public DialPlan {
    if (country == null || !REGION.matcher(country).matches()) {
      throw new IllegalArgumentException("invalid country");
    }
    localAreaCodes = List.copyOf(localAreaCodes);
    if (!localAreaCodes.stream().allMatch(code -> AREA_CODE.matcher(code).matches())) {
      throw new IllegalArgumentException("invalid local area code");
    }
    Objects.requireNonNull(extensions);
  }

  /** Whether the account is in the North American Numbering Plan's US or Canada. */
  public boolean nanp() {
    return US_CANADA.contains(country);
  }

  /** Whether a destination in {@code region} is at home for this account. */
  public boolean domestic(String region) {
    return country.equals(region) || nanp() && US_CANADA.contains(region);
  }

  /** Whether {@code nationalNumber} starts with one of the local area codes. */
  public boolean local(String nationalNumber) {
    for (String code : localAreaCodes) {
      if (nationalNumber.startsWith(code)) {
        return true;
      }
    }
    return false;
  }
}
