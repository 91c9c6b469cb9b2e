package io.dialtone.notification.control;

import io.dialtone.notification.entity.OutgoingMail;

/** A message could not be sent or saved; the message names recipient and subject only. */
public class MailFailure extends Exception {

  private static final long serialVersionUID = 1L;

  public MailFailure(OutgoingMail mail, Throwable cause) {
    super(
        "mail to "
            + Mailer.oneLine(mail.recipient())
            + " ("
            + Mailer.oneLine(mail.subject())
            + ") not sent: "
            + cause.getMessage(),
        cause);
  }
}
