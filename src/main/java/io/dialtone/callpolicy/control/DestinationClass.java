package io.dialtone.callpolicy.control;

/**
 * What kind of destination a dialled string reaches, seen from the calling account's country. A
 * destination in another country is {@link #INTERNATIONAL}, except premium-rate numbers, which stay
 * {@link #PREMIUM} wherever they are (the classification also carries the country).
 */
public enum DestinationClass {
  /** An emergency number of the account's country, or 911, 112 anywhere, or 933 in NANP. */
  EMERGENCY,
  /** An extension of the account (a number within its extension range). */
  INTERNAL,
  /** Domestic and within one of the account's local area codes. */
  LOCAL,
  /** Domestic, outside the local area codes: long distance (US and Canada count as one). */
  NATIONAL,
  /** Another country (with its region code). */
  INTERNATIONAL,
  /** A domestic toll-free number (1-800, 0800 ...). */
  TOLL_FREE,
  /** Premium rate: NANP 900 and NXX 976, libphonenumber premium-rate and personal numbers. */
  PREMIUM,
  /** Parses as a number, but in no assigned range (or a short code that is not emergency). */
  UNKNOWN,
  /** Not a telephone number: garbage, wrong length, characters other than digits and {@code +}. */
  INVALID;

  /** The message bundle key, e.g. {@code DestinationClass.PREMIUM}. */
  public String messageKey() {
    return "DestinationClass." + name();
  }
}
