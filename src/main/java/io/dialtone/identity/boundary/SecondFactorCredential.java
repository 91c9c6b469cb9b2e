package io.dialtone.identity.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * A second-factor code of a user who passed the password step. Pages submit it with {@code userId}
 * unknown ({@link #submitted}); the mechanism fills it in from the session before the identity
 * store sees it, so a page can never choose whose code it checks.
 */
public record SecondFactorCredential(Long userId, Kind kind, String code) implements Credential {

  /** Which kind of second factor the code is. */
  public enum Kind {
    TOTP,
    RECOVERY_CODE
  }

  public static SecondFactorCredential submitted(Kind kind, String code) {
    return new SecondFactorCredential(null, kind, code);
  }

  SecondFactorCredential forUser(long pendingUserId) {
    return new SecondFactorCredential(pendingUserId, kind, code);
  }
}
