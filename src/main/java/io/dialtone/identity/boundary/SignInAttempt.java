package io.dialtone.identity.boundary;

import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.identity.control.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Carries what a sign-in step found, within one request, between the identity store, the
 * authentication mechanism and the page that asked: the outcome a person may be told, and who.
 */
@RequestScoped
public class SignInAttempt {

  private SignInOutcome outcome = SignInOutcome.FAILED;
  private Long pendingUserId;
  private SignedInUser signedInUser;

  public SignInOutcome getOutcome() {
    return outcome;
  }

  void setOutcome(SignInOutcome outcome) {
    this.outcome = outcome;
  }

  Optional<Long> pendingUserId() {
    return Optional.ofNullable(pendingUserId);
  }

  void setPendingUserId(long userId) {
    this.pendingUserId = userId;
  }

  Optional<SignedInUser> signedInUser() {
    return Optional.ofNullable(signedInUser);
  }

  void setSignedInUser(SignedInUser user) {
    this.signedInUser = user;
  }
}
