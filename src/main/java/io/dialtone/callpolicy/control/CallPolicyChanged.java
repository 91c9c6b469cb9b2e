package io.dialtone.callpolicy.control;

/**
 * Fired by a control that changed stored call policy, inside its transaction; {@link CallDecisions}
 * drops the compiled copy once the transaction commits.
 *
 * @param accountId the account whose rules changed, or {@code null} for the platform ranges
 */
public record CallPolicyChanged(Long accountId) {

  public static CallPolicyChanged account(long accountId) {
    return new CallPolicyChanged(accountId);
  }

  public static CallPolicyChanged platform() {
    return new CallPolicyChanged(null);
  }
}
