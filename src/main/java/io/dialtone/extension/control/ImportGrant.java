package io.dialtone.extension.control;

import io.dialtone.kernel.control.SignedInUser;

/**
 * Proof that a caller may bulk-import into {@code accountId} ({@code MANAGE_EXTENSIONS} and {@code
 * REVEAL_SIP_SECRET} in scope), made in the caller's request by {@link
 * ExtensionImport#authorize(long)} and carried to the background task, which has no request: who to
 * audit and from where. Only this package creates one.
 */
public final class ImportGrant {

  private final long accountId;
  private final SignedInUser caller;
  private final String sourceIp;

  ImportGrant(long accountId, SignedInUser caller, String sourceIp) {
    this.accountId = accountId;
    this.caller = caller;
    this.sourceIp = sourceIp;
  }

  public long accountId() {
    return accountId;
  }

  public SignedInUser caller() {
    return caller;
  }

  public String sourceIp() {
    return sourceIp;
  }
}
