package io.dialtone.identity.control;

import java.util.List;

/**
 * A new password breaks the policy ({@link #violations()}) or the history rule ({@link #reused()});
 * nothing was changed.
 */
public class NewPasswordRefused extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<PasswordViolation> violations;
  private final boolean reused;

  public NewPasswordRefused(List<PasswordViolation> violations, boolean reused) {
    super("new password refused");
    this.violations = List.copyOf(violations);
    this.reused = reused;
  }

  public List<PasswordViolation> violations() {
    return violations;
  }

  /** The password equals the current one or one of the last ones (SECURITY.md A3). */
  public boolean reused() {
    return reused;
  }

  /** The message keys telling the person why: each policy rule broken, then reuse if so. */
  public List<String> messageKeys() {
    List<String> keys =
        new java.util.ArrayList<>(
            violations().stream().map(PasswordViolation::messageKey).toList());
    if (reused()) {
      keys.add("password.reused");
    }
    return keys;
  }
}
