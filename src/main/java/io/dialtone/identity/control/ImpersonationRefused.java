package io.dialtone.identity.control;

/**
 * An impersonation was not started for a reason the agent can fix or should know (no valid reason
 * given, the customer account is suspended); {@link #messageKey()} tells them. Nothing changed.
 * Refusals of scope or permission are {@code AccessDenied} instead (answered 404).
 */
public class ImpersonationRefused extends Exception {

  private static final long serialVersionUID = 1L;

  private final String messageKey;

  public ImpersonationRefused(String messageKey) {
    super("impersonation refused: " + messageKey);
    this.messageKey = messageKey;
  }

  /** The bundle key of the message shown to the agent. */
  public String messageKey() {
    return messageKey;
  }
}
