package io.dialtone.identity.boundary;

import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Carries what a sign-in step found, within one request, between the identity store, the
 * authentication mechanism and the page that asked: the outcome a person may be told, and who. Its
 * methods are public on purpose: a CDI client proxy only forwards public calls to the request's
 * instance (a package-private call would touch the shared proxy object instead).
 */
@RequestScoped
public class SignInAttempt {

  private SignInOutcome outcome = SignInOutcome.FAILED;
  private Long pendingUserId;
  private SignedInUser signedInUser;

  public SignInOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(SignInOutcome outcome) {
    this.outcome = outcome;
  }

  public Optional<Long> pendingUserId() {
    return Optional.ofNullable(pendingUserId);
  }

  public void setPendingUserId(long userId) {
    this.pendingUserId = userId;
  }

  public Optional<SignedInUser> signedInUser() {
    return Optional.ofNullable(signedInUser);
  }

  public void setSignedInUser(SignedInUser user) {
    this.signedInUser = user;
  }
}
