package io.dialtone.identity.control;

import io.dialtone.kernel.control.SignedInUser;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A successful step-up, kept in the HTTP session (SECURITY.md C6). It counts for {@value
 * #VALID_MINUTES} minutes, and only for the sign-in it was made in: the same user id and the same
 * moment of MFA completion, and the same impersonation state. A new sign-in (even in the same HTTP
 * session) has another {@code authenticatedAt}, sign-out invalidates the session, and starting or
 * ending an impersonation changes {@code onBehalfOf}, so a mark never outlives its sign-in or
 * crosses into or out of an impersonation.
 *
 * @param userId who stepped up
 * @param authenticatedAt when that user's sign-in completed ({@link SignedInUser#authenticatedAt})
 * @param onBehalfOf {@link SignedInUser#onBehalfOf()} at the step-up: null unless impersonating
 * @param at when the step-up succeeded
 */
public record StepUpMark(long userId, Instant authenticatedAt, String onBehalfOf, Instant at)
    implements Serializable {

  /** How long a step-up counts. */
  public static final long VALID_MINUTES = 5;

  /** The HTTP session attribute holding the last successful step-up. */
  public static final String SESSION_ATTRIBUTE = "dialtone.stepUp";

  private static final Duration VALIDITY = Duration.ofMinutes(VALID_MINUTES);

  /** A step-up by {@code caller} at {@code now}. */
  public static StepUpMark of(SignedInUser caller, Instant now) {
    return new StepUpMark(caller.userId(), caller.authenticatedAt(), caller.onBehalfOf(), now);
  }

  /**
   * Whether this mark lets {@code caller} act at {@code now}: same sign-in, under 5 minutes old.
   */
  public boolean isRecentFor(SignedInUser caller, Instant now) {
    return caller != null
        && caller.userId() == userId
        && caller.authenticatedAt().equals(authenticatedAt)
        && java.util.Objects.equals(caller.onBehalfOf(), onBehalfOf)
        && !now.isBefore(at)
        && now.isBefore(validUntil());
  }

  /** The first instant at which this mark no longer counts. */
  public Instant validUntil() {
    return at.plus(VALIDITY);
  }
}
