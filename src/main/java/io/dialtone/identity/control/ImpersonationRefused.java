package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;

/**
 * An impersonation was not started for a reason the agent can fix or should know (no valid reason
 * given, the customer account is suspended); {@link #messageKey()} tells them. Nothing changed.
 * Refusals of scope or permission are {@code AccessDenied} instead (answered 404).
 */
public class ImpersonationRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  public ImpersonationRefused(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
