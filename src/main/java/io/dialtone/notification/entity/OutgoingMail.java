package io.dialtone.notification.entity;

import java.util.Objects;

/** A rendered message: plain-text UTF-8 body. {@link #toString()} leaves the body out. */
public record OutgoingMail(String recipient, String subject, String body) {

  public OutgoingMail {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String toString() {
    return "OutgoingMail[to " + recipient + ", subject " + subject + "]";
  }
}
