package io.dialtone.notification.control;

import java.util.Locale;
import java.util.Objects;

/** Someone a notice goes to: an active user, their address and the language of their notices. */
public record Recipient(long userId, String email, Locale locale) {

  public Recipient {
    Objects.requireNonNull(email, "email");
    locale = locale == null ? Locale.ENGLISH : locale;
  }
}
