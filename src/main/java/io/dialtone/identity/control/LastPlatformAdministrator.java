package io.dialtone.identity.control;

/** The change would leave the platform without an active administrator; nothing changed. */
public class LastPlatformAdministrator extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LastPlatformAdministrator() {
    super("the last active platform administrator must stay");
  }
}
