package io.dialtone.extension.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;

/**
 * A live extension as call control sees it.
 *
 * @param active whether it may call and be called (not disabled)
 * @param callerId the DID it presents on outbound calls, or {@code null} for its account's default
 * @param continuity where its calls go when no phone of it can take them (an extension of the
 *     account or a number, as the customer typed it), or {@code null}
 * @param ringSeconds how long its phones ring before that, or {@code null} for the default
 */
public record CallingParty(
    long id,
    AccountId account,
    ExtensionNumber number,
    boolean active,
    E164Number callerId,
    String continuity,
    Integer ringSeconds) {

  /** An extension without continuity destination nor ring timeout of its own. */
  public CallingParty(
      long id, AccountId account, ExtensionNumber number, boolean active, E164Number callerId) {
    this(id, account, number, active, callerId, null, null);
  }
}
