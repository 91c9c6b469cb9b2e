package io.dialtone.identity.control;

import io.dialtone.platform.control.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * A new password breaks the policy ({@link #violations()}) or the history rule ({@link #reused()});
 * nothing was changed. Its explanations tell the person why: each policy rule broken, then reuse if
 * so.
 */
public class NewPasswordRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  private final transient List<PasswordViolation> violations;
  private final boolean reused;

  public NewPasswordRefused(List<PasswordViolation> violations, boolean reused) {
    super(explanations(violations, reused));
    this.violations = List.copyOf(violations);
    this.reused = reused;
  }

  private static List<Explanation> explanations(
      List<PasswordViolation> violations, boolean reused) {
    List<Explanation> explanations = new ArrayList<>();
    violations.forEach(v -> explanations.add(Explanation.of(v.messageKey())));
    if (reused) {
      explanations.add(Explanation.of("password.reused"));
    }
    return explanations;
  }

  public List<PasswordViolation> violations() {
    return violations;
  }

  /** The password equals the current one or one of the last ones (SECURITY.md A3). */
  public boolean reused() {
    return reused;
  }
}
