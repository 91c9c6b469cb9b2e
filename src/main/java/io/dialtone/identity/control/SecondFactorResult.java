package io.dialtone.identity.control;

import io.dialtone.kernel.control.SignedInUser;
import java.util.Optional;

/** The end of the second sign-in step: the outcome, and the signed-in user when it succeeded. */
public record SecondFactorResult(SignInOutcome outcome, Optional<SignedInUser> user) {

  static SecondFactorResult failed() {
    return new SecondFactorResult(SignInOutcome.FAILED, Optional.empty());
  }
}
