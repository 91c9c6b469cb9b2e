package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/** The change would leave the platform without an active administrator; nothing changed. */
public class LastPlatformAdministrator extends Refusal {

  private static final long serialVersionUID = 1L;

  public LastPlatformAdministrator() {
    super("users.lastPlatformAdmin");
  }
}
