package io.dialtone.identity.control;

import io.dialtone.kernel.control.SignedInUser;
import java.util.List;

/**
 * A confirmed new authenticator: the caller's sign-in in the user's new session epoch (hand it to
 * {@code CurrentUser.replace}) and the new recovery codes, to be shown once.
 */
public record ReEnrolment(SignedInUser updated, List<String> recoveryCodes) {

  public ReEnrolment {
    recoveryCodes = List.copyOf(recoveryCodes);
  }

  @Override
  public String toString() {
    return "ReEnrolment[user " + updated.userId() + ", codes hidden]";
  }
}
