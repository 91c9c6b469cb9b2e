package io.dialtone.callpolicy.control;

import io.dialtone.platform.control.Refusal;

/**
 * A rule change a person asked for that cannot be stored (not a number, an emergency number to
 * block, a duplicate ...). Carries the message key (e.g. {@code blocking.refused.number}) and
 * arguments of the explanation pages show in the caller's language.
 */
public class RuleRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  public RuleRefused(String messageKey, String... arguments) {
    super(messageKey, (Object[]) arguments);
  }
}
