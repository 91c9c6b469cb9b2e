package io.dialtone.sip.control;

import java.util.Locale;

/** Someone a registrar notice goes to: an active user, their address and language. */
record Recipient(long userId, String email, Locale locale) {

  static Recipient of(Object[] row) {
    Object tag = row[2];
    return new Recipient(
        ((Number) row[0]).longValue(),
        (String) row[1],
        tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag.toString()));
  }
}
