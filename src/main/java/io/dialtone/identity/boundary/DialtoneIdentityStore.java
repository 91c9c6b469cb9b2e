package io.dialtone.identity.boundary;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import io.dialtone.identity.control.SecondFactorResult;
import io.dialtone.identity.control.SignIn;
import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validates both kinds of Dialtone credentials against the database through the {@link SignIn}
 * control. A valid password yields a caller with no groups (it may only proceed to the second
 * factor); a valid second factor yields the caller with its roles as groups. The details a page may
 * show (e.g. "code already used") travel in the request-scoped {@link SignInAttempt}.
 */
@ApplicationScoped
public class DialtoneIdentityStore implements IdentityStore {

  @Inject SignIn signIn;
  @Inject SignInAttempt attempt;
  @Inject HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    return switch (credential) {
      case UsernamePasswordCredential password -> validatePassword(password);
      case SecondFactorCredential code when code.userId() != null -> validateSecondFactor(code);
      default -> NOT_VALIDATED_RESULT;
    };
  }

  private CredentialValidationResult validatePassword(UsernamePasswordCredential credential) {
    OptionalLong userId =
        signIn.checkPassword(
            credential.getCaller(), credential.getPassword().getValue(), request.getRemoteAddr());
    if (userId.isEmpty()) {
      attempt.setOutcome(SignInOutcome.FAILED);
      return INVALID_RESULT;
    }
    attempt.setOutcome(SignInOutcome.MFA_REQUIRED);
    attempt.setPendingUserId(userId.getAsLong());
    return new CredentialValidationResult(
        new CallerPrincipal(SignedInUser.actorOf(userId.getAsLong())), Set.of());
  }

  private CredentialValidationResult validateSecondFactor(SecondFactorCredential credential) {
    String ip = request.getRemoteAddr();
    SecondFactorResult result =
        switch (credential.kind()) {
          case TOTP -> signIn.verifyTotp(credential.userId(), credential.code(), ip);
          case RECOVERY_CODE -> signIn.useRecoveryCode(credential.userId(), credential.code(), ip);
        };
    attempt.setOutcome(result.outcome());
    if (result.user().isEmpty()) {
      return INVALID_RESULT;
    }
    SignedInUser user = result.user().get();
    attempt.setSignedInUser(user);
    return new CredentialValidationResult(new CallerPrincipal(user.actor()), user.groups());
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
  }

  @Override
  public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
    return validationResult.getCallerGroups() == null
        ? Set.of()
        : validationResult.getCallerGroups();
  }
}
